import { lazy, Suspense } from 'react'
import { routeOf } from '../lib/router'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { ListPlaceholder } from '../lib/list-placeholder'
import { hasHistory, useHistory, useUnsavedHistory } from './history'

// An empty history shows nothing; the list is a chunk fetched once there is something in it: at
// once, on a home page opened with a stored history.
const loadHistoryList = () => import('./history-list')
const HistoryList = lazy(() => loadHistoryList().then((module) => ({ default: module.HistoryList })))
// A failure here is met again, and shown, when the list renders.
if (routeOf(window.location.pathname).page === 'home' && hasHistory()) void loadHistoryList().catch(() => undefined)

/** Every task watched lately, searchable by ID or model, even after it left the watchlist. */
export function HistoryView() {
  const entries = useHistory()
  const unsaved = useUnsavedHistory()
  if (entries.length === 0) return null
  return (
    <ChunkBoundary what="history">
      {/* Room for the heading and the list's first rows (it scrolls after about seven). */}
      <Suspense fallback={<ListPlaceholder rows={1 + Math.min(entries.length, 7)} />}>
        <HistoryList entries={entries} unsaved={unsaved} />
      </Suspense>
    </ChunkBoundary>
  )
}
