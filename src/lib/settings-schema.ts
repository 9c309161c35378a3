// The stored preferences' schema: a chunk of its own, read only when preferences are stored (a
// first visit uses the defaults and never fetches it).
import { z } from 'zod/mini'

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
