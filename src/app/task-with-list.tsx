// A task's page with the watchlist beside it on a wide screen: in the task page's chunk, which
// the home page never needs.
import { lazy, Suspense } from 'react'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { Link } from '../lib/link'
import { useMediaQuery } from '../lib/use-media-query'
import { useWatchlist } from '../watchlist/watchlist'
import { TaskPage } from './task-page'

// For a deep link's head start: the views of what its answer holds, fetched as soon as it is read.
export { preloadRenderers } from '../renderers/registry'

// The watchlist beside a task is a chunk of its own, fetched only on a wide screen with
// something watched.
const WatchSidebar = lazy(() => import('../watchlist/watch-sidebar').then((module) => ({ default: module.WatchSidebar })))
/** Wide enough for the watchlist beside the task (Tailwind's lg). */
const WIDE = '(min-width: 1024px)'

/**
 * A task's page, with the watchlist beside it on a wide screen; on a narrow one the watchlist is
 * the home page, and the task has a way back to it.
 */
export function TaskWithList({ taskId }: { taskId: string }) {
  const wide = useMediaQuery(WIDE)
  const watching = useWatchlist().length > 0
  const page = (
    <ChunkBoundary key={taskId} what="task page">
      <TaskPage key={taskId} taskId={taskId} />
    </ChunkBoundary>
  )
  const beside = wide && watching
  // The task stays the second child whichever way it is laid out, so a list arriving beside it
  // (the task joins the watchlist as it opens) never starts it again.
  return (
    <div className={beside ? 'grid grid-cols-[16rem_minmax(0,1fr)] gap-6' : 'space-y-3'}>
      {beside ? (
        <aside className="sticky top-4 max-h-[calc(100vh-2rem)] self-start overflow-y-auto">
          {/* Without it the task is still there; the list just stays away. */}
          <ChunkBoundary what="watchlist" quiet>
            <Suspense fallback={null}>
              <WatchSidebar currentTaskId={taskId} />
            </Suspense>
          </ChunkBoundary>
        </aside>
      ) : wide ? null : (
        <Link href="/" className="inline-block text-sm font-medium text-stone-600 underline-offset-2 hover:underline dark:text-stone-300">
          ← Watchlist
        </Link>
      )}
      {page}
    </div>
  )
}
