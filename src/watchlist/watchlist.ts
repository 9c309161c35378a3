// The watchlist: every task the person watches, kept in this browser across reloads and tabs.
import { createStoredList } from '../lib/stored-list'
import type { WatchEntry } from './watch-entry'

const STORAGE_KEY = 'foxwatch.watchlist'

const watchlist = createStoredList(STORAGE_KEY, () => import('./watch-entry').then((module) => module.WatchEntry), (entry) => entry.taskId)

export const readWatchlist = watchlist.read
/** True when this browser holds a watchlist, read or not. */
export const hasWatched = watchlist.hasStored

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
