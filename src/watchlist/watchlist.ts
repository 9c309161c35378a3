// The watchlist: every task the person watches, kept in this browser across reloads and tabs.
import { z } from 'zod'
import { createStoredList } from '../components/stored-list'

const STORAGE_KEY = 'foxwatch.watchlist'

export const WatchEntry = z.object({ taskId: z.string().min(1), addedAt: z.number() })
export type WatchEntry = z.infer<typeof WatchEntry>

const watchlist = createStoredList(STORAGE_KEY, WatchEntry)

export const readWatchlist = watchlist.read
const write = watchlist.write

/** Adds tasks not yet watched, newest first; returns how many were new. */
export function watchTasks(taskIds: readonly string[], now = Date.now()): number {
  const list = readWatchlist()
  const fresh = taskIds.filter((id, i) => taskIds.indexOf(id) === i && !list.some((e) => e.taskId === id))
  if (fresh.length === 0) return 0
  write([...fresh.map((taskId) => ({ taskId, addedAt: now })), ...list])
  return fresh.length
}

export function unwatch(taskIds: readonly string[]): void {
  write(readWatchlist().filter((entry) => !taskIds.includes(entry.taskId)))
}

export function useWatchlist(): WatchEntry[] {
  return watchlist.useList()
}
