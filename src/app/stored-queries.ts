// Where the query cache is kept between visits, and for how long: read by the provider that
// checks for it and restores it (persisted-query-client.tsx) and the persistence that writes it
// (query-persistence.ts).
import { createStore, type UseStore } from 'idb-keyval'

const DAY_MS = 24 * 60 * 60 * 1000

/** How long a task's last state is kept without being looked at. */
export const KEEP_QUERIES_MS = 7 * DAY_MS

/** Its own IndexedDB database, a record per task query (decision 0039). */
export const QUERY_DATABASE = 'foxwatch-queries'

/**
 * Where the whole cache was kept as one text before decision 0039: a key in idb-keyval's default
 * database, which held nothing else. Read once more, then the database is deleted.
 */
export const OLD_CACHE_DATABASE = 'keyval-store'
export const OLD_CACHE_STORE = 'keyval'
export const OLD_CACHE_KEY = 'foxwatch.queries'

let store: UseStore | undefined

/** The database's one object store, opened on first use. */
export function queryStore(): UseStore {
  store ??= createStore(QUERY_DATABASE, 'queries')
  return store
}

/**
 * A mark in localStorage that this browser has stored a cache, read synchronously as the page
 * starts: a deep link's head start goes only where none is (decision 0041), and asking IndexedDB
 * takes until after the first render.
 */
const STORED_MARK = 'foxwatch.queries-stored'

/** Whether a cache may be stored here (true when localStorage cannot say: no head start then). */
export function cacheMayBeStored(): boolean {
  try {
    return localStorage.getItem(STORED_MARK) !== null
  } catch {
    return true
  }
}

/**
 * Sets or clears the mark, as a cache is written or dropped: asked on every write and every
 * restore, it touches localStorage only when the answer changes.
 */
export function markCacheStored(stored: boolean): void {
  try {
    if ((localStorage.getItem(STORED_MARK) !== null) === stored) return
    if (stored) localStorage.setItem(STORED_MARK, '1')
    else localStorage.removeItem(STORED_MARK)
  } catch {
    // No localStorage: cacheMayBeStored says true, so nothing is asked twice.
  }
}
