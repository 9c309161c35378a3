// The query cache outlives the page: each watched task's last known state is kept in IndexedDB
// (TanStack's persister), so after a reload, a closed tab or a restarted server, settled tasks
// show at once without a query and unsettled ones pick up polling where they were.
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister'
import type { PersistQueryClientOptions } from '@tanstack/react-query-persist-client'
import { del, get, set } from 'idb-keyval'

const DAY_MS = 24 * 60 * 60 * 1000

/** How long a task's last state is kept without being looked at. */
export const KEEP_QUERIES_MS = 7 * DAY_MS

export const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
  persister: createAsyncStoragePersister({
    key: 'foxwatch.queries',
    // IndexedDB, not localStorage: an hour's transcript is megabytes, past localStorage's quota.
    storage: { getItem: (key) => get<string>(key), setItem: (key, value) => set(key, value), removeItem: (key) => del(key) },
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
