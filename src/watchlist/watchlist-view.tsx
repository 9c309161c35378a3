import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { hasUrl } from '../api/task-view'
import { navigate, taskPath } from '../app/router'
import { formatAge } from '../components/format'
import { useNow } from '../components/use-now'
import { Button } from '../components/ui/button'
import { linkExpiry } from '../tasks/link-expiry'
import { isWatchOver } from '../tasks/polling'
import { STATUS_LABEL, STATUS_TONE } from '../tasks/status'
import { taskQueries } from '../tasks/task-queries'
import type { TaskWatch } from '../tasks/task-watch'
import { useUnseen } from '../app/page-title'
import { extractTaskIds } from './extract-task-ids'
import { justSettled } from './settle-notices'
import { unwatch, useWatchlist, watchTasks } from './watchlist'

function expiryText(watch: TaskWatch | undefined, now: number): string {
  const task = watch?.task
  if (!task) return ''
  const expiry = linkExpiry(task, now)
  switch (expiry.state) {
    case 'none':
      return '—'
    case 'fresh':
    case 'warning':
      return `in ${formatAge(expiry.remainingMs)}`
    case 'expired':
      return 'expired'
  }
}

function WatchRow({ taskId, now }: { taskId: string; now: number }) {
  const { data: watch } = useQuery(taskQueries.watch(taskId))
  const unseen = useUnseen().has(taskId)
  const task = watch?.task
  // A row flashes for a few seconds after its task settles, and stays marked until seen.
  const flashing = watch !== undefined && justSettled(watch) !== undefined && now - watch.updatedAt < 4000
  const preview = task?.artifacts.find((a) => a.kind === 'image' || a.kind === 'pbr-map' || a.kind === 'texture')
  const progress = task?.progress ?? 0
  return (
    <tr
      data-flashing={flashing || undefined}
      className={`border-t border-stone-200 transition-colors dark:border-stone-700 ${flashing ? 'animate-pulse bg-emerald-50 dark:bg-emerald-950' : unseen ? 'bg-amber-50 dark:bg-amber-950' : ''}`}
    >
      <td className="py-2 pr-3">
        <a
          href={taskPath(taskId)}
          onClick={(event) => {
            event.preventDefault()
            navigate(taskPath(taskId))
          }}
          className="font-mono text-sm break-all underline-offset-2 hover:underline"
        >
          {taskId}
        </a>
        {watch?.problem && <p className="text-xs text-red-700 dark:text-red-400">{watch.problem.kind.replace('-', ' ')}</p>}
      </td>
      <td className="py-2 pr-3 text-sm">{task?.model ?? ''}</td>
      <td className="py-2 pr-3 text-sm">{task ? (task.type === 'unknown' ? (task.rawType ?? '') : task.type) : ''}</td>
      <td className="py-2 pr-3">
        {task ? (
          <span data-testid="watch-status" className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STATUS_TONE[task.status]}`}>
            {STATUS_LABEL[task.status]}
          </span>
        ) : (
          <span className="text-xs text-stone-500">asking…</span>
        )}
      </td>
      <td className="py-2 pr-3">
        <div
          role="progressbar"
          aria-label={`Progress of ${taskId}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress}
          className="h-1.5 w-20 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700"
        >
          <div className="h-full bg-orange-500" style={{ width: `${progress}%` }} />
        </div>
      </td>
      <td className="py-2 pr-3 text-sm whitespace-nowrap">{task?.createdAt ? formatAge(now - task.createdAt) : ''}</td>
      <td className="py-2 pr-3 text-sm whitespace-nowrap">{expiryText(watch, now)}</td>
      <td className="py-2 pr-3">
        {preview && hasUrl(preview) && (
          <img src={preview.url} alt={`First result of ${taskId}`} loading="lazy" referrerPolicy="no-referrer" className="h-10 w-10 rounded object-cover" />
        )}
      </td>
      <td className="py-2">
        <Button variant="quiet" onClick={() => unwatch([taskId])} aria-label={`Stop watching ${taskId}`}>
          Remove
        </Button>
      </td>
    </tr>
  )
}

/** Every watched task at a glance; paste many IDs at once to watch them all. */
export function WatchlistView() {
  const entries = useWatchlist()
  const queryClient = useQueryClient()
  const now = useNow()
  const [text, setText] = useState('')
  const [message, setMessage] = useState<{ text: string; refused: boolean } | undefined>()
  const fieldId = useId()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found = extractTaskIds(text)
    if (!found.ok) {
      setMessage({ text: found.reason, refused: true })
      return
    }
    const added = watchTasks(found.taskIds)
    const already = found.taskIds.length - added
    setText('')
    setMessage({
      refused: false,
      text: [
        `Watching ${added} new ${added === 1 ? 'task' : 'tasks'}`,
        already > 0 ? `${already} already watched` : '',
        found.skipped.length > 0 ? `skipped ${found.skipped.length} that ${found.skipped.length === 1 ? 'is' : 'are'} not a task ID` : '',
      ].filter(Boolean).join('; ') + '.',
    })
  }

  function clearSettled() {
    unwatch(entries
      .map((entry) => entry.taskId)
      .filter((taskId) => isWatchOver(queryClient.getQueryData(taskQueries.watch(taskId).queryKey))))
  }

  return (
    <section aria-labelledby="watchlist-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="watchlist-heading" className="text-lg font-semibold">
          Watchlist
        </h2>
        {entries.length > 0 && (
          <Button className="ml-auto" onClick={clearSettled}>
            Clear settled
          </Button>
        )}
      </div>
      <form onSubmit={submit} className="flex flex-col gap-2">
        <label htmlFor={fieldId} className="text-sm font-medium">
          Task IDs to watch
        </label>
        <textarea
          id={fieldId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={2}
          placeholder="One per line, comma separated, or a JSON list of tasks"
          className="rounded-md border border-stone-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary">
            Watch all
          </Button>
          {message && (
            <p role={message.refused ? 'alert' : 'status'} className={`text-sm ${message.refused ? 'text-red-700 dark:text-red-400' : 'text-stone-600 dark:text-stone-300'}`}>
              {message.text}
            </p>
          )}
        </div>
      </form>
      {entries.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white px-4 dark:border-stone-700 dark:bg-stone-900">
          <table className="w-full text-left">
            <caption className="sr-only">Watched tasks</caption>
            <thead>
              <tr className="text-xs text-stone-500 dark:text-stone-400">
                <th scope="col" className="py-2 pr-3 font-medium">Task</th>
                <th scope="col" className="py-2 pr-3 font-medium">Model</th>
                <th scope="col" className="py-2 pr-3 font-medium">Type</th>
                <th scope="col" className="py-2 pr-3 font-medium">Status</th>
                <th scope="col" className="py-2 pr-3 font-medium">Progress</th>
                <th scope="col" className="py-2 pr-3 font-medium">Age</th>
                <th scope="col" className="py-2 pr-3 font-medium">Links expire</th>
                <th scope="col" className="py-2 pr-3 font-medium">Preview</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <WatchRow key={entry.taskId} taskId={entry.taskId} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
