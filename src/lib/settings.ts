// Preferences that change how foxwatch queries foxapi, kept in this browser.
import { useSyncExternalStore } from 'react'
import { createChangeSignal } from './change-signal'
import { SETTINGS_DEFAULTS } from './settings-defaults'
import type { Settings } from './settings-schema'

const STORAGE_KEY = 'foxwatch.settings'

const DEFAULTS: Settings = SETTINGS_DEFAULTS
const changes = createChangeSignal()
let cached: Settings | undefined
/** The schema stored preferences are read through, once loaded (see loadStoredSettings). */
let schema: typeof Settings | undefined

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

async function loadSchema(): Promise<void> {
  schema ??= (await import('./settings-schema')).Settings
  // Read through it now, if the defaults stood in for what is stored.
  if (!cached) changes.notify()
}

/**
 * Loads the schema when preferences are stored, so they can be read before the first render; with
 * none stored (a first visit) there is nothing to read and nothing is fetched.
 */
export async function loadStoredSettings(): Promise<void> {
  if (!storedSettingsRead()) await loadSchema()
}

/** Whether readSettings says what is stored now (nothing is, or the schema to read it has come). */
export function storedSettingsRead(): boolean {
  return schema !== undefined || stored() === null
}

export function readSettings(): Settings {
  if (cached) return cached
  const raw = stored()
  if (raw === null) {
    cached = DEFAULTS
    return cached
  }
  // Stored, but the schema did not come (the server went away as the page loaded): the defaults
  // apply until it does.
  if (!schema) {
    loadSchema().catch(() => undefined)
    return DEFAULTS
  }
  try {
    const parsed = schema.safeParse(JSON.parse(raw))
    cached = parsed.success ? parsed.data : DEFAULTS
  } catch {
    cached = DEFAULTS
  }
  return cached
}

export function updateSettings(change: Partial<Settings>): void {
  cached = { ...readSettings(), ...change }
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(cached))
  } catch {
    // Unsaved preferences still apply to this page.
  }
  changes.notify()
  // Fetched now, after the person's change, so the next page load finds it in the HTTP cache.
  loadSchema().catch(() => undefined)
}

export function useSettings(): Settings {
  return useSyncExternalStore(changes.subscribe, readSettings)
}
