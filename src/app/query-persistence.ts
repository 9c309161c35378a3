// The query cache outlives the page: each task's last known state is kept in IndexedDB, so after a
// reload, a closed tab or a restarted server, settled tasks show at once without a query and
// unsettled ones pick up polling where they were. A lazy chunk: persisted-query-client.tsx loads
// it only when there is a cache to restore or a task to keep.
//
// One record per task query (decision 0039), not one text of the whole cache: a change to one
// task rewrites that task alone, so a long transcript held in the cache is written once, not
// again each time one of the other tasks polls.
import { dehydrate, hydrate, type DehydratedState, type Query, type QueryClient } from '@tanstack/react-query'
import { clear, delMany, entries, setMany } from 'idb-keyval'
import { KEEP_QUERIES_MS, markCacheStored, OLD_CACHE_DATABASE, OLD_CACHE_KEY, OLD_CACHE_STORE, queryStore } from './stored-queries'
import { stringifyWhenIdle } from './stringify-in-slices'

/** Changed when TaskWatch changes shape, so an old cache is dropped rather than misread. */
const BUSTER = 'task-watch-1'

/** The record that says which shape the others are in and when the cache was last written. */
const STAMP_KEY = 'stamp'

/** How long after a change it is written: a burst of answers is one write, a finish is kept soon. */
const WRITE_AFTER_MS = 500

type Stamp = { buster: string; savedAt: number }
type DehydratedQuery = DehydratedState['queries'][number]

const isTaskQuery = (query: Query) => query.queryKey[0] === 'task'
/** What is kept: a task query with an answer (a failed poll is a value beside it, decision 0012). */
const isKept = (query: Query) => isTaskQuery(query) && query.state.status === 'success'

function readStamp(value: unknown): Stamp | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const stamp: unknown = JSON.parse(value)
    if (typeof stamp !== 'object' || stamp === null || !('buster' in stamp) || !('savedAt' in stamp)) return undefined
    const { buster, savedAt } = stamp
    return typeof buster === 'string' && typeof savedAt === 'number' ? { buster, savedAt } : undefined
  } catch {
    return undefined
  }
}

function readQuery(value: unknown): DehydratedQuery | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const query: unknown = JSON.parse(value)
    if (typeof query !== 'object' || query === null || !('queryHash' in query) || !('state' in query)) return undefined
    // Written by this file from TanStack's own dehydrate.
    return query as DehydratedQuery
  } catch {
    return undefined
  }
}

const isCurrent = (stamp: Stamp | undefined): stamp is Stamp =>
  stamp !== undefined && stamp.buster === BUSTER && Date.now() - stamp.savedAt <= KEEP_QUERIES_MS

/** The whole-cache text of before, read straight from its database, closed after (so it can be deleted). */
function readOldCache(): Promise<unknown> {
  return new Promise((resolve) => {
    const open = indexedDB.open(OLD_CACHE_DATABASE)
    open.onerror = () => resolve(undefined)
    open.onsuccess = () => {
      const db = open.result
      const done = (value: unknown) => {
        db.close()
        resolve(value)
      }
      if (!db.objectStoreNames.contains(OLD_CACHE_STORE)) return done(undefined)
      const read = db.transaction(OLD_CACHE_STORE).objectStore(OLD_CACHE_STORE).get(OLD_CACHE_KEY)
      read.onsuccess = () => done(read.result)
      read.onerror = () => done(undefined)
    }
  })
}

/**
 * The cache as the persister before decision 0039 kept it: one text under one key of idb-keyval's
 * default database. Read once, put back into the cache, written as records; then the database
 * (which held nothing else) is deleted.
 */
async function takeOldCache(client: QueryClient): Promise<void> {
  const text = await readOldCache()
  let restored: DehydratedQuery[] = []
  if (typeof text === 'string') {
    try {
      const old: unknown = JSON.parse(text)
      if (typeof old === 'object' && old !== null && 'buster' in old && 'timestamp' in old && 'clientState' in old) {
        const { buster, timestamp, clientState } = old
        const state = clientState as DehydratedState
        if (typeof timestamp === 'number' && isCurrent({ buster: String(buster), savedAt: timestamp }) && Array.isArray(state.queries)) {
          restored = state.queries
        }
      }
    } catch {
      // A damaged copy is dropped, as the old persister dropped it.
    }
  }
  if (restored.length > 0) {
    hydrate(client, { queries: restored, mutations: [] })
    await writeRecords(client, new Set(restored.map((query) => query.queryHash)))
  }
  indexedDB.deleteDatabase(OLD_CACHE_DATABASE)
}

/** Puts the stored cache back (an expired or busted one is dropped instead, a damaged record alone). */
export async function restoreQueries(client: QueryClient, { fromOldCache }: { fromOldCache: boolean }): Promise<void> {
  const stored = await entries<IDBValidKey, unknown>(queryStore())
  const stamp = readStamp(stored.find(([key]) => key === STAMP_KEY)?.[1])
  if (isCurrent(stamp)) {
    const queries: DehydratedQuery[] = []
    const damaged: IDBValidKey[] = []
    for (const [key, value] of stored) {
      if (key === STAMP_KEY) continue
      const query = readQuery(value)
      if (query) queries.push(query)
      else damaged.push(key)
    }
    hydrate(client, { queries, mutations: [] })
    if (damaged.length > 0) await delMany(damaged, queryStore())
    // Looked at now: the week starts again, as it did when the whole cache was written on every
    // visit, though nothing in it may change again (every task settled).
    await setMany([[STAMP_KEY, JSON.stringify({ buster: BUSTER, savedAt: Date.now() } satisfies Stamp)]], queryStore())
  } else if (stored.length > 0) {
    await clear(queryStore())
    markCacheStored(false)
  }
  if (fromOldCache) await takeOldCache(client)
}

/** Writes the records of these queries as they are now (a query gone from the cache is deleted). */
async function writeRecords(client: QueryClient, hashes: ReadonlySet<string>): Promise<void> {
  const cache = client.getQueryCache()
  const { queries } = dehydrate(client, { shouldDehydrateQuery: (query) => hashes.has(query.queryHash) && isKept(query) })
  const records: Array<[IDBValidKey, string]> = []
  // One at a time: a long transcript is written in idle-time slices, the page drawn in between.
  for (const query of queries) records.push([query.queryHash, await stringifyWhenIdle(query)])
  const stamp: Stamp = { buster: BUSTER, savedAt: Date.now() }
  records.push([STAMP_KEY, JSON.stringify(stamp)])
  await setMany(records, queryStore())
  markCacheStored(true)
  const gone = [...hashes].filter((hash) => cache.get(hash) === undefined)
  if (gone.length > 0) await delMany(gone, queryStore())
}

/**
 * Writes each task query's record when it changes, half a second after the change (at once when
 * the page is hidden or going away); `saveNow` writes every task query first, for changes made
 * while this chunk was loading. Returns what stops it.
 */
export function persistQueries(client: QueryClient, saveNow: boolean): () => void {
  const changed = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let writing: Promise<void> | undefined
  let stopped = false

  const write = () => {
    timer = undefined
    if (writing || changed.size === 0) return
    const hashes = new Set(changed)
    changed.clear()
    // A write that fails (no room left, the database closed under it) is not tried again: the
    // next change to those tasks writes them.
    writing = writeRecords(client, hashes)
      .catch(() => undefined)
      .finally(() => {
        writing = undefined
        if (changed.size === 0 || stopped) return
        if (document.visibilityState === 'hidden') write()
        else schedule()
      })
  }
  const schedule = () => {
    if (timer === undefined && !writing) timer = setTimeout(write, WRITE_AFTER_MS)
  }
  const mark = (hash: string) => {
    changed.add(hash)
    schedule()
  }
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (!isTaskQuery(event.query)) return
    if (event.type === 'removed') mark(event.query.queryHash)
    else if (event.type === 'updated' && (event.action.type === 'success' || event.action.type === 'setState')) mark(event.query.queryHash)
  })
  // Going out of sight, or away: what is waiting is written now, while the page can still write
  // (a write under way hurries too: stringifyWhenIdle stops pausing once the page is hidden).
  const writeNow = () => {
    if (timer === undefined) return
    clearTimeout(timer)
    write()
  }
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') writeNow()
  }
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('pagehide', writeNow)
  if (saveNow) for (const query of client.getQueryCache().getAll()) if (isTaskQuery(query)) mark(query.queryHash)
  return () => {
    stopped = true
    unsubscribe()
    if (timer !== undefined) clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('pagehide', writeNow)
  }
}
