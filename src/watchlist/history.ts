// The last few hundred tasks watched, kept after they leave the watchlist, so an ID from last
// week can still be found by a piece of it.
import { z } from 'zod'
import { createStoredList } from '../components/stored-list'

export const HISTORY_SIZE = 500

export const HistoryEntry = z.object({
  taskId: z.string().min(1),
  model: z.string().optional(),
  status: z.string().optional(),
  /** When it was last watched, ms since the epoch. */
  seenAt: z.number(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

const history = createStoredList('foxwatch.history', HistoryEntry)

export const readHistory = history.read
export const useHistory = history.useList

/** Records what is known of a task now: newest first, one entry per task, the oldest dropped. */
export function remember(entry: HistoryEntry): void {
  const rest = readHistory().filter((e) => e.taskId !== entry.taskId)
  const previous = readHistory().find((e) => e.taskId === entry.taskId)
  if (previous && previous.model === entry.model && previous.status === entry.status) return
  history.write([entry, ...rest].slice(0, HISTORY_SIZE))
}

export function searchHistory(entries: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return [...entries]
  return entries.filter((e) => e.taskId.toLowerCase().includes(needle) || (e.model?.toLowerCase().includes(needle) ?? false))
}
