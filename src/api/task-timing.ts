// Time made visible: how long a task has run, how long it has left by foxapi's estimate, how long
// it took once settled (split into waiting and running where the status changes seen allow), and
// when foxwatch last asked and will ask next. Pure: the page passes `now`.
import { isSettled } from './status'
import type { TaskView } from './task-view'
import type { StatusChange, TaskWatch } from './task-watch'
import { pollDelayFor, retryAfterMs } from './polling'

export type Took = { totalMs: number; waitingMs: number | undefined; runningMs: number | undefined }

/** When the task started, as far as anyone knows: foxapi's `created`, else its first answer here. */
function startOf(task: TaskView, history: readonly StatusChange[]): number | undefined {
  return task.createdAt ?? history[0]?.at
}

/**
 * How long a settled task took, from its start to the answer that first said it settled. Unknown
 * (undefined) when it was already settled at its first answer here: that moment says nothing.
 */
export function tookOf(task: TaskView, history: readonly StatusChange[]): Took | undefined {
  const end = history.find((change) => isSettled(change.status))
  const start = startOf(task, history)
  if (!isSettled(task.status) || !end || start === undefined || history[0] === end) return undefined
  const processing = history.find((change) => change.status === 'processing')
  const sawPending = history.some((change) => change.status === 'pending')
  // Waiting ended when processing was first seen; if pending was never seen, it may have ended sooner.
  const split = processing && sawPending && processing.at <= end.at
  return {
    totalMs: Math.max(0, end.at - start),
    waitingMs: split ? Math.max(0, processing.at - start) : undefined,
    runningMs: split ? Math.max(0, end.at - processing.at) : undefined,
  }
}

/** How long a running task has run so far. */
export function runningFor(task: TaskView, history: readonly StatusChange[], now: number): number | undefined {
  const start = startOf(task, history)
  return isSettled(task.status) || start === undefined ? undefined : Math.max(0, now - start)
}

/** foxapi's estimate, as time left: negative once the task is past it. */
export function timeLeftMs(task: TaskView, now: number): number | undefined {
  if (task.estimatedSeconds === undefined || task.createdAt === undefined || isSettled(task.status)) return undefined
  return task.createdAt + task.estimatedSeconds * 1000 - now
}

export type CheckTimes = {
  /** When the last answer (or failure) came. */
  checkedAt: number
  /** When the next query is due, or undefined when none will come by itself. */
  nextAt: number | undefined
  /** Before this, asking again would go under foxapi's Retry-After. */
  notBefore: number
}

export function checkTimesOf(watch: TaskWatch, hidden: boolean): CheckTimes {
  const delay = pollDelayFor(watch, hidden)
  return {
    checkedAt: watch.updatedAt,
    nextAt: delay === false ? undefined : watch.updatedAt + delay,
    notBefore: watch.updatedAt + retryAfterMs(watch),
  }
}
