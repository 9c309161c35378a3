// What one watched task has come to: the last good answer, the last problem, and what was seen.
import type { Problem } from './problem-kinds'
import type { TaskStatus, TaskView } from './task-view'
import { isSettled } from './status'

export type StatusChange = { status: TaskStatus; progress: number | undefined; at: number }

export type TaskWatch = {
  /** The last task foxapi sent; stays on screen while later queries fail. */
  task: TaskView | undefined
  /** What went wrong with the latest query, if it failed. */
  problem: Problem | undefined
  /** Failed queries in a row since the last good one. */
  failures: number
  /** Good answers so far. */
  answers: number
  startedAt: number
  /** When the latest query finished. */
  updatedAt: number
  history: StatusChange[]
  /**
   * The latest answer, when it was older than the task on screen and so was not shown (see
   * isOlderAnswer); gone with the next answer that moves on, or the next problem.
   */
  older?: StatusChange
}

const STAGE = { pending: 0, processing: 1, unknown: 1, completed: 2, failed: 2, cancelled: 2 } as const satisfies Record<TaskStatus, number>

/**
 * Whether `next` says less than `shown` already did: foxapi's answers came out of order, or a
 * lagging copy answered. A task never moves back down its life (settled, processing, pending),
 * and its progress never falls within one status; so a settled task stays settled. An unknown
 * status can't be placed, so only a settled task outranks it.
 */
export function isOlderAnswer(shown: TaskView, next: TaskView): boolean {
  if (shown.status === 'unknown' || (next.status === 'unknown' && !isSettled(shown.status))) return false
  if (STAGE[next.status] !== STAGE[shown.status]) return STAGE[next.status] < STAGE[shown.status]
  // One settled answer may follow another (failed after completed, results after none).
  if (isSettled(shown.status) || next.status !== shown.status) return false
  return next.progress !== undefined && shown.progress !== undefined && next.progress < shown.progress
}

export function recordAnswer(previous: TaskWatch | undefined, task: TaskView, now: number): TaskWatch {
  // An older answer still counts as an answer (the connection is fine, the pace goes on), but the
  // newer task stays on screen.
  if (previous?.task && isOlderAnswer(previous.task, task)) {
    return {
      ...previous,
      problem: undefined,
      failures: 0,
      answers: previous.answers + 1,
      updatedAt: now,
      older: { status: task.status, progress: task.progress, at: now },
    }
  }
  const history = previous?.history ?? []
  const last = history.at(-1)
  return {
    task,
    problem: undefined,
    failures: 0,
    answers: (previous?.answers ?? 0) + 1,
    startedAt: previous?.startedAt ?? now,
    updatedAt: now,
    history: last?.status === task.status ? history : [...history, { status: task.status, progress: task.progress, at: now }],
  }
}

export function recordProblem(previous: TaskWatch | undefined, problem: Problem, now: number): TaskWatch {
  return {
    task: previous?.task,
    problem,
    failures: (previous?.failures ?? 0) + 1,
    answers: previous?.answers ?? 0,
    startedAt: previous?.startedAt ?? now,
    updatedAt: now,
    history: previous?.history ?? [],
  }
}
