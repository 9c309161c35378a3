import { lazy, Suspense } from 'react'
import { navigate, routeOf, useSearch } from '../lib/router'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { preloadable } from '../lib/preloadable'
import { ListPlaceholder } from '../lib/list-placeholder'
import { UnsavedNotice } from '../lib/unsaved-notice'
import { pathOf, viewOf, type ListView } from './list-view'
import type { SelectionActions } from './selection'
import { hasWatched, useUnsavedWatchlist, useWatchlist } from './watchlist'

// What an empty watchlist shows (its heading) is here; the rest is a chunk fetched once something
// is watched: at once, on a home page opened with a stored watchlist, and when the Task ID box is
// focused (preloadWatchlist), so a paste shows its rows without waiting on a Suspense fallback.
const loadWatchedTasks = () => import('./watched-tasks')
const WatchedTasks = preloadable(() => loadWatchedTasks().then((module) => module.WatchedTasks))
const WatchlistActions = lazy(() => loadWatchedTasks().then((module) => ({ default: module.WatchlistActions })))
// A failure here is met again, and shown, when the list renders.
if (routeOf(window.location.pathname).page === 'home' && hasWatched()) void WatchedTasks.preload()

/** Fetches the watchlist's rows ahead of the first task watched (a hint: nothing waits on it). */
export const preloadWatchlist = () => void WatchedTasks.preload()

/** Every watched task at a glance (the Task ID box adds them); `actions` save and keep a selection. */
export function WatchlistView({ actions }: { actions?: SelectionActions }) {
  const entries = useWatchlist()
  const unsaved = useUnsavedWatchlist()
  // Sorting and filtering live in the address, so they survive a reload and can be shared.
  const view = viewOf(useSearch())
  const setView = (next: ListView) => navigate(pathOf(next), { replace: true })
  return (
    <section aria-labelledby="watchlist-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="watchlist-heading" className="text-xl font-semibold">
          Watchlist
        </h1>
        {entries.length > 0 && (
          // The list below says so if its chunk cannot come; the buttons just stay away.
          <ChunkBoundary what="watchlist" quiet>
            <Suspense fallback={null}>
              <WatchlistActions entries={entries} />
            </Suspense>
          </ChunkBoundary>
        )}
      </div>
      {entries.length === 0 ? (
        <>
          <p className="text-sm text-stone-600 dark:text-stone-300">Nothing watched yet. Put one task ID or many into the Task ID box to watch them here.</p>
          <UnsavedNotice count={unsaved} list="the watchlist" />
        </>
      ) : (
        <ChunkBoundary what="watchlist">
          <Suspense fallback={<ListPlaceholder rows={entries.length} />}>
            <WatchedTasks entries={entries} actions={actions} unsaved={unsaved} view={view} setView={setView} />
          </Suspense>
        </ChunkBoundary>
      )}
    </section>
  )
}
