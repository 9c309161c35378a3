// One task of the history as it is stored: a chunk of its own, read only when something is stored
// (see stored-list.ts).
import { z } from 'zod/mini'

export const HistoryEntry = z.object({
  taskId: z.string().check(z.minLength(1)),
  model: z.optional(z.string()),
  status: z.optional(z.string()),
  /** When it was last watched, ms since the epoch. */
  seenAt: z.number(),
  /** How long it took, when it settled while watched (from its start to the answer that said so). */
  tookMs: z.optional(z.number()),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>
