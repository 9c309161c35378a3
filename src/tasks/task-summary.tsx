import type { TaskView } from '../api/task-view'
import { formatCreated, formatTime, formatTimeOfDay } from '../lib/format'
import { useNow } from '../lib/use-now'
import type { ReactNode } from 'react'
import { useIdleText } from '../lib/use-idle-text'
import { ExpiryFact, ExpiryNotice } from './expiry-notice'
import { STATUS_LABEL, STATUS_TONE } from '../api/status'
import type { StatusChange } from '../api/task-watch'

/** One fact in the strip under the task's name: its label, then its value, on one line. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline text-stone-500 dark:text-stone-400">{label}</dt>{' '}
      <dd className="inline font-medium break-words">{children}</dd>
    </div>
  )
}

/**
 * When the task was made, as an age; the full date and time is its tooltip, made when the page is
 * idle (useIdleText).
 */
function CreatedTime({ createdAt, now }: { createdAt: number; now: number }) {
  return (
    <time dateTime={new Date(createdAt).toISOString()} title={useIdleText(formatTime, createdAt)}>
      {formatCreated(createdAt, now)}
    </time>
  )
}

/** When a status change was seen, as a time of day (made when the page is idle, as above). */
function SeenAt({ at }: { at: number }) {
  return <time dateTime={new Date(at).toISOString()}>{useIdleText(formatTimeOfDay, at)}</time>
}

export function StatusBadge({ task }: { task: TaskView }) {
  return (
    <span data-testid="task-status" className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${STATUS_TONE[task.status]}`}>
      {task.status === 'unknown' ? `${STATUS_LABEL.unknown}: ${task.rawStatus ?? ''}` : STATUS_LABEL[task.status]}
    </span>
  )
}

type SummaryProps = {
  task: TaskView
  history: readonly StatusChange[]
  /** What can be done with the task (watch it, keep it, save it): the page brings them. */
  actions?: ReactNode
  /** A note under the facts (where a kept copy is): the page brings it. */
  notice?: ReactNode
  /** The task's time (run, left, took) and its checks, at the end of the facts. */
  clock?: ReactNode
}

/**
 * The task at a glance, kept short so the results start soon after it: its ID, status and actions;
 * the progress bar; one strip of facts (model, type, created, credits, links, time); then any
 * warning, and the status changes seen.
 */
export function TaskSummary({ task, history, actions, notice, clock }: SummaryProps) {
  const now = useNow()
  const progress = task.progress ?? 0
  return (
    <section aria-label="Task summary" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="font-mono text-lg font-semibold break-all">{task.id}</h1>
        <StatusBadge task={task} />
        {actions && <span className="ml-auto flex flex-wrap gap-2">{actions}</span>}
      </div>
      <div
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        aria-valuetext={task.progress === undefined ? 'No progress reported' : `${progress}%`}
        title={task.progress === undefined ? 'No progress reported' : `${progress}%`}
        className="h-1.5 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700"
      >
        <div
          className={`h-full transition-[width] duration-500 ${task.status === 'failed' ? 'bg-red-500' : 'bg-orange-500'}`}
          style={{ width: `${progress}%` }}
        />
      </div>
      <div className="flex flex-wrap items-baseline gap-x-5 gap-y-1 text-sm">
        <dl className="flex flex-wrap gap-x-5 gap-y-1">
          <Fact label="Model">{task.model ?? 'not given'}</Fact>
          <Fact label="Type">{task.type === 'unknown' ? (task.rawType ?? 'not given') : task.type}</Fact>
          {(task.status === 'pending' || task.status === 'processing') && (
            <Fact label="Progress">{task.progress === undefined ? 'not given' : `${progress}%`}</Fact>
          )}
          <Fact label="Created">
            {task.createdAt === undefined ? 'not given' : (
              <CreatedTime createdAt={task.createdAt} now={now} />
            )}
          </Fact>
          {task.estimatedSeconds !== undefined && <Fact label="Estimated time">{`${task.estimatedSeconds} s`}</Fact>}
          {task.creditsReserved !== undefined && <Fact label="Credits">{`${task.creditsReserved} reserved`}</Fact>}
          <ExpiryFact task={task} now={now} />
        </dl>
        {clock}
      </div>
      <ExpiryNotice task={task} now={now} />
      {notice}
      {/* On a phone the duration says what matters of these, and the results come first. */}
      {history.length > 0 && (
        <div className="max-sm:hidden">
          <h2 className="sr-only">Status changes seen</h2>
          <ol aria-label="Status changes" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-500 dark:text-stone-400">
            {history.map((change) => (
              <li key={change.at}>
                <span className="font-medium text-stone-700 dark:text-stone-200">{STATUS_LABEL[change.status]}</span>{' '}
                <SeenAt at={change.at} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
