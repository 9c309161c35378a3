// The last few hundred tasks watched, kept after they leave the watchlist, so an ID from last
// week can still be found by a piece of it.
import { z } from 'zod/mini'
import { createStoredList } from '../components/stored-list'

export const HISTORY_SIZE = 500

export const HistoryEntry = z.object({
  taskId: z.string().check(z.minLength(1)),
  model: z.optional(z.string()),
  status: z.optional(z.string()),
  /** When it was last watched, ms since the epoch. */
  seenAt: z.number(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

const history = createStoredList('foxwatch.history', HistoryEntry, (entry) => entry.taskId)

export const readHistory = history.read
export const useHistory = history.useList
/** Changes to the history this browser refused to store: they last only as long as the tab. */
export const useUnsavedHistory = history.useUnsaved

/** Records what is known of a task now: newest first, one entry per task, the oldest dropped. */
export function remember(entry: HistoryEntry): void {
  const previous = readHistory().find((e) => e.taskId === entry.taskId)
  if (previous && previous.model === entry.model && previous.status === entry.status) return
  history.put([entry], { toFront: true })
  const oldest = readHistory().slice(HISTORY_SIZE)
  if (oldest.length > 0) history.remove(oldest.map((e) => e.taskId))
}

export function searchHistory(entries: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return [...entries]
  return entries.filter((e) => e.taskId.toLowerCase().includes(needle) || (e.model?.toLowerCase().includes(needle) ?? false))
}
