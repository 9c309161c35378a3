import type { TaskView } from '../api/task-view'
import { formatCreated, formatTime } from '../lib/format'
import { useNow } from '../lib/use-now'
import type { ReactNode } from 'react'
import { ExpiryNotice } from './expiry-notice'
import { STATUS_LABEL, STATUS_TONE } from '../api/status'
import type { StatusChange } from '../api/task-watch'

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-stone-500 dark:text-stone-400">{label}</dt>
      <dd className="font-medium break-words">{children}</dd>
    </div>
  )
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
  /** What can be done with a finished task's results (keep, save): the page brings them. */
  actions?: ReactNode
  /** A note under the facts (where a kept copy is): the page brings it. */
  notice?: ReactNode
  /** The task's time (run, left, took) and its checks, under the progress bar. */
  clock?: ReactNode
}

export function TaskSummary({ task, history, actions, notice, clock }: SummaryProps) {
  const now = useNow()
  const progress = task.progress ?? 0
  return (
    <section aria-label="Task summary" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-lg font-semibold break-all">{task.id}</h1>
        <StatusBadge task={task} />
        {task.status === 'completed' && task.artifacts.length > 0 && actions && (
          <span className="ml-auto flex flex-wrap gap-2">{actions}</span>
        )}
      </div>
      <div
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        aria-valuetext={task.progress === undefined ? 'No progress reported' : `${progress}%`}
        className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700"
      >
        <div
          className={`h-full transition-[width] duration-500 ${task.status === 'failed' ? 'bg-red-500' : 'bg-orange-500'}`}
          style={{ width: `${progress}%` }}
        />
      </div>
      {clock}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Row label="Model">{task.model ?? 'not given'}</Row>
        <Row label="Type">{task.type === 'unknown' ? (task.rawType ?? 'not given') : task.type}</Row>
        <Row label="Progress">{task.progress === undefined ? 'not given' : `${progress}%`}</Row>
        <Row label="Created">
          {task.createdAt === undefined ? 'not given' : (
            <time dateTime={new Date(task.createdAt).toISOString()} title={formatTime(task.createdAt)}>
              {formatCreated(task.createdAt, now)}
            </time>
          )}
        </Row>
        {task.estimatedSeconds !== undefined && <Row label="Estimated time">{`${task.estimatedSeconds} s`}</Row>}
        {task.creditsReserved !== undefined && <Row label="Credits">{task.creditsReserved}</Row>}
      </dl>
      <ExpiryNotice task={task} now={now} />
      {notice}
      {/* On a phone the duration line says what matters of these, and the results come first. */}
      {history.length > 0 && (
        <div className="max-sm:hidden">
          <h2 className="text-xs text-stone-500 dark:text-stone-400">Status changes seen</h2>
          <ol aria-label="Status changes" className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {history.map((change) => (
              <li key={change.at}>
                <span className="font-medium">{STATUS_LABEL[change.status]}</span>{' '}
                <time dateTime={new Date(change.at).toISOString()} className="text-stone-500 dark:text-stone-400">
                  {new Date(change.at).toLocaleTimeString()}
                </time>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
