// The query cache outlives the page: each watched task's last known state is kept in IndexedDB
// (TanStack's persister), so after a reload, a closed tab or a restarted server, settled tasks
// show at once without a query and unsettled ones pick up polling where they were. A lazy chunk:
// persisted-query-client.tsx loads it only when there is a cache to restore or a task to keep.
import type { QueryClient } from '@tanstack/react-query'
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister'
import {
  persistQueryClientRestore,
  persistQueryClientSave,
  persistQueryClientSubscribe,
  type PersistQueryClientOptions,
} from '@tanstack/react-query-persist-client'
import { del, get, set } from 'idb-keyval'
import { KEEP_QUERIES_MS, PERSISTED_QUERIES_KEY } from './stored-queries'
import { stringifyWhenIdle } from './stringify-in-slices'

export const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
  persister: createAsyncStoragePersister({
    key: PERSISTED_QUERIES_KEY,
    // IndexedDB, not localStorage: an hour's transcript is megabytes, past localStorage's quota.
    storage: { getItem: (key) => get<string>(key), setItem: (key, value) => set(key, value), removeItem: (key) => del(key) },
    // Off the critical path: a task that just finished is drawn first, and stored (megabytes, for
    // a long transcript) in idle-time slices right after; at once when the page is hidden.
    serialize: (client) => stringifyWhenIdle(client),
    // Often enough that a reload right after a finish rarely loses it; rarely enough to stay cheap.
    throttleTime: 500,
  }),
  maxAge: KEEP_QUERIES_MS,
  // Bumped when TaskWatch changes shape, so an old cache is dropped rather than misread.
  buster: 'task-watch-1',
  dehydrateOptions: {
    shouldDehydrateQuery: (query) => query.queryKey[0] === 'task' && query.state.status === 'success',
  },
}

/** Puts the stored cache back (an expired or busted copy is dropped instead). */
export function restoreQueries(queryClient: QueryClient): Promise<void> {
  return persistQueryClientRestore({ ...persistOptions, queryClient })
}

/**
 * Saves the cache on every change from now on; `saveNow` also saves at once, for changes made
 * while this chunk was loading.
 */
export function persistQueries(queryClient: QueryClient, saveNow: boolean): () => void {
  const options = { ...persistOptions, queryClient }
  if (saveNow) void persistQueryClientSave(options)
  return persistQueryClientSubscribe(options)
}
