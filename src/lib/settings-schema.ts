// The stored preferences' schema: a chunk of its own, read only when preferences are stored (a
// first visit uses the defaults and never fetches it).
import { z } from 'zod/mini'
import { MAX_IN_FLIGHT, MAX_PER_SECOND } from '../contract/request-pace'
import { SETTINGS_DEFAULTS as D } from './settings-defaults'

export const Settings = z.object({
  /** Ask foxapi to refresh a running task from its provider before answering. */
  syncUpstream: z.catch(z.boolean(), D.syncUpstream),
  /** Keep every task that completes while watched in this browser's storage. */
  autoKeep: z.catch(z.boolean(), D.autoKeep),
  /** A browser notification when a task settles in a hidden tab (asked for on a click, never on load). */
  notify: z.catch(z.boolean(), D.notify),
  /** A short chime when a watched task settles. */
  sound: z.catch(z.boolean(), D.sound),
  /** Light or dark, or whatever the system says. */
  theme: z.catch(z.enum(['system', 'light', 'dark']), D.theme),
  /** The request budget shared by every watched task: queries in flight, and started per second. */
  maxInFlight: z.catch(z.int().check(z.minimum(1), z.maximum(MAX_IN_FLIGHT)), D.maxInFlight),
  maxPerSecond: z.catch(z.int().check(z.minimum(1), z.maximum(MAX_PER_SECOND)), D.maxPerSecond),
})
export type Settings = z.infer<typeof Settings>
