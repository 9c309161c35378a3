// Where the query cache is kept between visits, and for how long: read by the provider that
// restores it (persisted-query-client.tsx) and the persister that writes it (query-persistence.ts).

const DAY_MS = 24 * 60 * 60 * 1000

/** How long a task's last state is kept without being looked at. */
export const KEEP_QUERIES_MS = 7 * DAY_MS

/** The IndexedDB key (idb-keyval's default store) the persisted cache lives under. */
export const PERSISTED_QUERIES_KEY = 'foxwatch.queries'
