// The last few hundred tasks watched, kept after they leave the watchlist, so an ID from last
// week can still be found by a piece of it.
import { createStoredList } from '../lib/stored-list'
import type { HistoryEntry } from './history-entry'

export const HISTORY_SIZE = 500

const history = createStoredList('foxwatch.history', () => import('./history-entry').then((module) => module.HistoryEntry), (entry) => entry.taskId)

export const readHistory = history.read
/** True when this browser holds a history, read or not. */
export const hasHistory = history.hasStored
export const useHistory = history.useList
/** Changes to the history this browser refused to store: they last only as long as the tab. */
export const useUnsavedHistory = history.useUnsaved

/**
 * Records what is known of a task now: newest first, one entry per task, the oldest dropped. How
 * long it took, once known, stays while its status does.
 */
export function remember(given: HistoryEntry): void {
  const previous = readHistory().find((e) => e.taskId === given.taskId)
  const tookMs = given.tookMs ?? (previous && previous.status === given.status ? previous.tookMs : undefined)
  const entry = { ...given, ...(tookMs === undefined ? {} : { tookMs }) }
  if (previous && previous.model === entry.model && previous.status === entry.status && previous.tookMs === entry.tookMs) return
  history.put([entry], { toFront: true })
  const oldest = readHistory().slice(HISTORY_SIZE)
  if (oldest.length > 0) history.remove(oldest.map((e) => e.taskId))
}
