// What one watched task has come to: the last good answer, the last problem, and what was seen.
import type { Problem } from '../api/problem'
import type { TaskStatus, TaskView } from '../api/task-view'

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
}

export function recordAnswer(previous: TaskWatch | undefined, task: TaskView, now: number): TaskWatch {
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
