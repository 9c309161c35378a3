// The query cache outlives the page (query-persistence.ts says how), without the persister in the
// first load: the persister's chunk loads only when there is a stored cache to restore, or once a
// task is watched and there is something to store. Like TanStack's PersistQueryClientProvider, it
// holds every query back (useIsRestoring) until the restore is done, so polling resumes from the
// restored state rather than racing it.
import { IsRestoringProvider, QueryClientProvider, type Query, type QueryClient } from '@tanstack/react-query'
import { keys } from 'idb-keyval'
import { useEffect, useRef, useState, type ReactNode } from 'react'

import { markCacheStored, OLD_CACHE_DATABASE, QUERY_DATABASE, queryStore } from './stored-queries'

const loadPersistence = () => import('./query-persistence')

/** What this browser stores: the cache's records, and the whole-cache text of before (decision 0039). */
type StoredCache = { records: boolean; oldCache: boolean }

/** Which stored caches exist. Listing keys is cheap; reading values (megabytes, with long transcripts) is the restore's job. */
async function findStoredCache(): Promise<StoredCache> {
  // A first visit has no database at all: one round trip to the browser says so, where opening
  // (and so creating) one and listing its keys takes three, each waiting on a busy main thread.
  const names = typeof indexedDB.databases === 'function' ? new Set((await indexedDB.databases()).map((db) => db.name)) : undefined
  // A database left by the cache of before (decision 0039) is read by the restore, which
  // takes what is in it and deletes it.
  const oldCache = !names || names.has(OLD_CACHE_DATABASE)
  const records = names && !names.has(QUERY_DATABASE) ? false : (await keys(queryStore())).length > 0
  return { records, oldCache }
}

// Asked as the entry runs rather than after the first render: every query waits for the restore,
// and on a deep link the task query is the page's critical path. (A rejection is met in restore.)
let earlyCheck: Promise<StoredCache> | undefined = findStoredCache()
earlyCheck.catch(() => undefined)

/** Restores the stored cache, if any; false when this page must not save over it. */
async function restore(client: QueryClient): Promise<boolean> {
  const check = earlyCheck ?? findStoredCache()
  earlyCheck = undefined
  const { records, oldCache } = await check
  // The mark a deep link's head start goes by follows what is there (a cache stored before the
  // mark existed, or a database deleted by hand).
  markCacheStored(records || oldCache)
  if (!records && !oldCache) return true
  const persistence = await loadPersistence().catch(() => undefined)
  // The chunk did not come (a server restarting): the stored copy is left for the next load,
  // not overwritten by a page that never read it.
  if (!persistence) return false
  await persistence.restoreQueries(client, { fromOldCache: oldCache })
  return true
}

const isTaskQuery = (query: Query) => query.queryKey[0] === 'task'

/** Saves the cache from the first task query on (only task queries are stored); returns a stop. */
function persistOnceWatching(client: QueryClient): () => void {
  let stopped = false
  let stopSaving: (() => void) | undefined
  let stopListening: (() => void) | undefined
  const listen = () => {
    stopListening = client.getQueryCache().subscribe((event) => {
      if (isTaskQuery(event.query)) start(true)
    })
  }
  const start = (saveNow: boolean) => {
    stopListening?.()
    stopListening = undefined
    void loadPersistence().then(
      ({ persistQueries }) => {
        if (!stopped) stopSaving = persistQueries(client, saveNow)
      },
      // The chunk did not come (a server restarting): the next change to a task tries again.
      () => {
        if (!stopped) listen()
      },
    )
  }
  // Restored tasks are already stored; a first task query may change before the chunk arrives.
  if (client.getQueryCache().getAll().some(isTaskQuery)) start(false)
  else listen()
  return () => {
    stopped = true
    stopListening?.()
    stopSaving?.()
  }
}

export function PersistedQueryClientProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  const [isRestoring, setIsRestoring] = useState(true)
  const restoreStarted = useRef(false)
  const maySave = useRef(true)
  useEffect(() => {
    // Once per client, even when StrictMode runs this effect twice.
    if (!restoreStarted.current) {
      restoreStarted.current = true
      // A cache that cannot be restored (no IndexedDB, a damaged copy, which the persister drops)
      // is a page that starts empty, as with TanStack's provider.
      void restore(client)
        .catch(() => true)
        .then((ok) => {
          maySave.current = ok
          setIsRestoring(false)
        })
    }
    return isRestoring || !maySave.current ? undefined : persistOnceWatching(client)
  }, [client, isRestoring])
  return (
    <QueryClientProvider client={client}>
      <IsRestoringProvider value={isRestoring}>{children}</IsRestoringProvider>
    </QueryClientProvider>
  )
}
