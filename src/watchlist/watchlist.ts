// The watchlist: every task the person watches, kept in this browser across reloads and tabs.
import { z } from 'zod/mini'
import { createStoredList } from '../components/stored-list'

const STORAGE_KEY = 'foxwatch.watchlist'

export const WatchEntry = z.object({ taskId: z.string().check(z.minLength(1)), addedAt: z.number() })
export type WatchEntry = z.infer<typeof WatchEntry>

const watchlist = createStoredList(STORAGE_KEY, WatchEntry, (entry) => entry.taskId)

export const readWatchlist = watchlist.read

/** Adds tasks not yet watched, newest first; returns how many were new. */
export function watchTasks(taskIds: readonly string[], now = Date.now()): number {
  const list = readWatchlist()
  const fresh = taskIds.filter((id, i) => taskIds.indexOf(id) === i && !list.some((e) => e.taskId === id))
  if (fresh.length === 0) return 0
  watchlist.put(fresh.map((taskId) => ({ taskId, addedAt: now })))
  return fresh.length
}

export function unwatch(taskIds: readonly string[]): void {
  watchlist.remove(taskIds)
}

export function useWatchlist(): WatchEntry[] {
  return watchlist.useList()
}

/** Changes to the watchlist this browser refused to store: they last only as long as the tab. */
export const useUnsavedWatchlist = watchlist.useUnsaved
