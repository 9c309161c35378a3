import { lazy, Suspense } from 'react'
import { routeOf } from '../lib/router'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { ListPlaceholder } from '../lib/list-placeholder'
import { hasHistory, useHistory, useUnsavedHistory } from './history'

// The list is a chunk fetched once there is something in it: at once, on the history page opened
// with a stored history.
const loadHistoryList = () => import('./history-list')
const HistoryList = lazy(() => loadHistoryList().then((module) => ({ default: module.HistoryList })))
// A failure here is met again, and shown, when the list renders.
if (routeOf(window.location.pathname).page === 'history' && hasHistory()) void loadHistoryList().catch(() => undefined)

/** Every task watched lately, searchable by ID or model, even after it left the watchlist. */
export function HistoryView() {
  const entries = useHistory()
  const unsaved = useUnsavedHistory()
  if (entries.length === 0) {
    return (
      <section aria-labelledby="history-heading" className="space-y-3">
        <h1 id="history-heading" className="text-xl font-semibold">
          History
        </h1>
        <p className="text-sm text-stone-500 dark:text-stone-400">No task watched in this browser yet. Every task you watch is listed here, even after it leaves the watchlist.</p>
      </section>
    )
  }
  return (
    <ChunkBoundary what="history">
      {/* Room for the heading and the first rows. */}
      <Suspense fallback={<ListPlaceholder rows={1 + Math.min(entries.length, 7)} />}>
        <HistoryList entries={entries} unsaved={unsaved} />
      </Suspense>
    </ChunkBoundary>
  )
}
