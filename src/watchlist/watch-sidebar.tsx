// The watchlist beside a task's page, on a wide screen: one compact row per watched task, the open
// one marked. A chunk of its own, fetched for the task page when something is watched.
import { useQueries } from '@tanstack/react-query'
import { problemWord } from '../api/problem-kinds'
import { STATUS_LABEL, STATUS_TONE } from '../api/status'
import { taskQueries } from '../api/task-queries'
import type { TaskWatch } from '../api/task-watch'
import { Link } from '../lib/link'
import { taskPath } from '../lib/router'
import { gistOf } from './row-preview'
import { useWatchlist } from './watchlist'
import { runningFor, timeLeftMs, tookOf } from '../api/task-timing'
import { formatAge } from '../lib/format'
import { useNow } from '../lib/use-now'

/** An ID short enough for a narrow row: its start and its end, the middle elided. */
export function shortId(taskId: string, room = 22): string {
  if (taskId.length <= room) return taskId
  // One character of the room is the ellipsis; of the rest, a third keeps the end (where IDs
  // differ: their random suffix) and two thirds the start (where they say what they are).
  const kept = room - 1
  const tail = Math.floor(kept / 3)
  return `${taskId.slice(0, kept - tail)}…${taskId.slice(-tail)}`
}

/**
 * What a row says besides its status: how far a running task is and how long it has left (or
 * has run), how long a settled one took, or why a query failed.
 */
function rowNote(watch: TaskWatch | undefined, now: number): string {
  if (watch?.problem) return problemWord(watch.problem.kind)
  const task = watch?.task
  if (!task) return 'asking…'
  if (task.status === 'processing' || task.status === 'pending') {
    const left = timeLeftMs(task, now)
    const ran = runningFor(task, watch.history, now)
    const time = left !== undefined && left > 0 ? `${formatAge(left)} left` : ran === undefined ? '' : formatAge(ran)
    return [task.progress === undefined ? '' : `${task.progress}%`, time].filter(Boolean).join(' · ')
  }
  const took = tookOf(task, watch.history)
  return took ? `took ${formatAge(took.totalMs)}` : ''
}

function SidebarRow({ taskId, watch, current, now }: { taskId: string; watch: TaskWatch | undefined; current: boolean; now: number }) {
  const task = watch?.task
  // What fits a narrow row and takes no click (the row is a link): a picture or a video's frame
  // beside it, or a line of text (an answer, an ID, why it failed) under the model.
  const gist = task && gistOf(task)
  const note = rowNote(watch, now)
  return (
    <li>
      <Link
        href={taskPath(taskId)}
        aria-current={current ? 'page' : undefined}
        title={taskId}
        // The whole ID, for screen readers and search, where the row shows it shortened.
        aria-label={[taskId, task ? STATUS_LABEL[task.status] : '', note].filter(Boolean).join(', ')}
        className={`flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-stone-100 dark:hover:bg-stone-800 ${current ? 'bg-orange-50 ring-1 ring-orange-300 dark:bg-orange-950 dark:ring-orange-800' : ''}`}
      >
        <span className="min-w-0 flex-1">
          <span className="block truncate font-mono text-xs">{shortId(taskId)}</span>
          <span className="block truncate text-xs text-stone-500 dark:text-stone-400">{task?.model ?? ''}</span>
          {(gist?.kind === 'text' || gist?.kind === 'id' || gist?.kind === 'failure') && (
            <span className={`block truncate text-xs ${gist.kind === 'failure' ? 'text-red-700 dark:text-red-400' : gist.kind === 'id' ? 'font-mono' : ''}`}>{gist.text}</span>
          )}
          {gist?.kind === 'audio' && <span className="block text-xs text-stone-500 dark:text-stone-400">♪ audio</span>}
        </span>
        {gist?.kind === 'picture' && (
          <img src={gist.url} alt="" loading="lazy" referrerPolicy="no-referrer" className="size-8 shrink-0 rounded object-cover" />
        )}
        {gist?.kind === 'video' && (
          <video src={`${gist.url}#t=0.1`} aria-hidden="true" preload="metadata" muted playsInline className="size-8 shrink-0 rounded bg-stone-900 object-cover" />
        )}
        <span className="flex shrink-0 flex-col items-end gap-0.5">
          {task && (
            <span className={`rounded-full px-1.5 py-0.5 text-[0.7rem] leading-none font-semibold ${STATUS_TONE[task.status]}`}>{STATUS_LABEL[task.status]}</span>
          )}
          {note && <span className="text-[0.7rem] text-stone-500 dark:text-stone-400">{note}</span>}
        </span>
      </Link>
    </li>
  )
}

/** Every watched task, the one on screen marked `aria-current="page"`. */
export function WatchSidebar({ currentTaskId }: { currentTaskId: string }) {
  const entries = useWatchlist()
  // The same queries as the watchlist's table: one cache, one request budget. The list arriving
  // beside a task never asks for it again: the task's own polling (and its backoff) decides.
  const watches = useQueries({ queries: entries.map((entry) => ({ ...taskQueries.watch(entry.taskId), refetchOnMount: false })) })
  const now = useNow()
  if (entries.length === 0) return null
  return (
    <nav aria-label="Watchlist beside the task" className="space-y-2">
      <h2 className="px-2 text-sm font-semibold text-stone-600 dark:text-stone-300">Watchlist</h2>
      <ul className="space-y-0.5">
        {entries.map((entry, i) => (
          <SidebarRow key={entry.taskId} taskId={entry.taskId} watch={watches[i]?.data} current={entry.taskId === currentTaskId} now={now} />
        ))}
      </ul>
    </nav>
  )
}
