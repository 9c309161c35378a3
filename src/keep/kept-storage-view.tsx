// The home page's view of what is kept in this browser, how big it is, and the browser's quota.
import { navigate, taskPath } from '../app/router'
import { formatTime } from '../components/format'
import { Button } from '../components/ui/button'
import { formatBytes } from './format-bytes'
import { removeKept, useKept } from './kept-store'

/** Under this much free quota, keeping a typical video task would fail. */
const LOW_QUOTA = 200 * 1024 * 1024

export function KeptStorageView() {
  const kept = useKept()
  const total = kept.tasks.reduce((sum, task) => sum + task.size, 0)
  const storage = kept.storage
  const free = storage ? Math.max(0, storage.quota - storage.usage) : undefined
  const problems = [...kept.problems.values()]
  return (
    <section aria-labelledby="kept-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="kept-heading" className="text-lg font-semibold">
          Kept in this browser
        </h2>
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
      {!kept.loaded ? (
        <p role="status" className="text-sm text-stone-500 dark:text-stone-400">
          Reading what is kept…
        </p>
      ) : kept.tasks.length === 0 ? (
        <p className="text-sm text-stone-500 dark:text-stone-400">
          Nothing kept yet. Open a completed task and choose "Keep in this browser", or tick Auto-keep above.
        </p>
      ) : (
        <table aria-label="Kept tasks" className="w-full overflow-hidden rounded-lg border border-stone-200 bg-white text-left text-sm dark:border-stone-700 dark:bg-stone-900">
          <thead className="text-xs text-stone-500 dark:text-stone-400">
            <tr className="border-b border-stone-200 dark:border-stone-700">
              <th scope="col" className="px-3 py-2 font-medium">Task</th>
              <th scope="col" className="px-3 py-2 font-medium">Model</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Size</th>
              <th scope="col" className="px-3 py-2 font-medium">Kept</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {kept.tasks.map(({ meta, size }) => (
              <tr key={meta.taskId} className="border-b border-stone-200 last:border-0 dark:border-stone-700">
                <th scope="row" className="px-3 py-2 font-mono font-normal break-all">
                  <a
                    href={taskPath(meta.taskId)}
                    onClick={(event) => {
                      event.preventDefault()
                      navigate(taskPath(meta.taskId))
                    }}
                    className="underline"
                  >
                    {meta.taskId}
                  </a>
                </th>
                <td className="px-3 py-2">{meta.model ?? 'not given'}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatBytes(size)}</td>
                <td className="px-3 py-2 text-stone-600 dark:text-stone-300">{formatTime(meta.keptAt)}</td>
                <td className="px-3 py-2 text-right">
                  <Button variant="quiet" onClick={() => void removeKept(meta.taskId)} aria-label={`Remove ${meta.taskId} from this browser`}>
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
