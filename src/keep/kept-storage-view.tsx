// The Kept page: what is kept in this browser, how big it is, and the browser's quota.
import { lazy, Suspense } from 'react'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { formatBytes } from '../contract/format-bytes'
import { useKept } from './kept-store'

// The table (and removing) is a chunk fetched only when something is kept.
const KeptTable = lazy(() => import('./kept-table').then((module) => ({ default: module.KeptTable })))

/** Under this much free quota, keeping a typical video task would fail. */
const LOW_QUOTA = 200 * 1024 * 1024

export function KeptStorageView() {
  const kept = useKept()
  const total = kept.tasks.reduce((sum, task) => sum + task.size, 0)
  const storage = kept.storage
  const free = storage ? Math.max(0, storage.quota - storage.usage) : undefined
  const problems = [...kept.problems.values()]
  const reading = (
    <p role="status" className="text-sm text-stone-500 dark:text-stone-400">
      Reading what is kept…
    </p>
  )
  return (
    <section aria-labelledby="kept-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 id="kept-heading" className="text-xl font-semibold">
          Kept in this browser
        </h1>
        <span className="text-sm text-stone-500 dark:text-stone-400">
          Kept tasks preview and save from this browser's own storage, after their links expire.
        </span>
      </div>
      {!kept.available && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          This browser gives foxwatch no private file system (a private window, or storage switched off), so nothing can be kept here.
        </p>
      )}
      {problems.map((problem) => (
        <p key={problem} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      ))}
      {storage && (
        <p className="text-sm text-stone-600 dark:text-stone-300" data-testid="storage-use">
          Kept tasks: <strong>{formatBytes(total)}</strong> · this site uses {formatBytes(storage.usage)} of the{' '}
          {formatBytes(storage.quota)} this browser allows it
          {free !== undefined && free < LOW_QUOTA && (
            <span role="status" className="ml-1 font-medium text-amber-700 dark:text-amber-300">
              · only {formatBytes(free)} left: remove a kept task before keeping a large one.
            </span>
          )}
        </p>
      )}
      {kept.unreadable && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          What is kept here could not be read: the foxwatch server did not send part of the page (is it restarting?). Nothing is lost; reload once the server is back.
        </p>
      )}
      {!kept.loaded ? (
        !kept.unreadable && reading
      ) : kept.tasks.length === 0 ? (
        <p className="text-sm text-stone-500 dark:text-stone-400">
          Nothing kept yet. Open a completed task and choose "Keep in this browser", or tick Auto-keep at the top of the page.
        </p>
      ) : (
        <ChunkBoundary what="list of kept tasks">
          {/* Until the table comes, what was shown while reading stays. */}
          <Suspense fallback={reading}>
            <KeptTable tasks={kept.tasks} />
          </Suspense>
        </ChunkBoundary>
      )}
    </section>
  )
}
