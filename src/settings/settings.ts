// Preferences that change how foxwatch queries foxapi, kept in this browser.
import { useSyncExternalStore } from 'react'
import { z } from 'zod/mini'

const STORAGE_KEY = 'foxwatch.settings'

export const Settings = z.object({
  /** Ask foxapi to refresh a running task from its provider before answering. */
  syncUpstream: z.catch(z.boolean(), true),
  /** Keep every task that completes while watched in this browser's storage. */
  autoKeep: z.catch(z.boolean(), false),
  /** A browser notification when a task settles in a hidden tab (asked for on a click, never on load). */
  notify: z.catch(z.boolean(), false),
  /** A short chime when a watched task settles. */
  sound: z.catch(z.boolean(), false),
  /** Light or dark, or whatever the system says. */
  theme: z.catch(z.enum(['system', 'light', 'dark']), 'system'),
  /** The request budget shared by every watched task: queries in flight, and started per second. */
  maxInFlight: z.catch(z.int().check(z.minimum(1), z.maximum(16)), 4),
  maxPerSecond: z.catch(z.int().check(z.minimum(1), z.maximum(20)), 5),
})
export type Settings = z.infer<typeof Settings>

const DEFAULTS: Settings = { syncUpstream: true, autoKeep: false, notify: false, sound: false, theme: 'system', maxInFlight: 4, maxPerSecond: 5 }
const listeners = new Set<() => void>()
let cached: Settings | undefined

export function readSettings(): Settings {
  if (cached) return cached
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
    const parsed = Settings.safeParse(stored)
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
  listeners.forEach((listener) => listener())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribe, readSettings)
}
