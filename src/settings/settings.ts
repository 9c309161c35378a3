// Preferences that change how foxwatch queries foxapi, kept in this browser.
import { useSyncExternalStore } from 'react'
import { z } from 'zod'

const STORAGE_KEY = 'foxwatch.settings'

export const Settings = z.object({
  /** Ask foxapi to refresh a running task from its provider before answering. */
  syncUpstream: z.boolean().catch(true),
  /** Keep every task that completes while watched in this browser's storage. */
  autoKeep: z.boolean().catch(false),
  /** A browser notification when a task settles in a hidden tab (asked for on a click, never on load). */
  notify: z.boolean().catch(false),
  /** A short chime when a watched task settles. */
  sound: z.boolean().catch(false),
  /** Light or dark, or whatever the system says. */
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
  /** The request budget shared by every watched task: queries in flight, and started per second. */
  maxInFlight: z.number().int().min(1).max(16).catch(4),
  maxPerSecond: z.number().int().min(1).max(20).catch(5),
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
