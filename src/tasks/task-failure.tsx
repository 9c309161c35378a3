import type { TaskView } from '../api/task-view'

/** What foxapi said about a failed or cancelled task: its code and message, as they came. */
export function TaskFailure({ task }: { task: TaskView }) {
  if (task.status === 'cancelled') {
    return (
      <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
        This task was cancelled. It made no results.
      </p>
    )
  }
  if (task.status !== 'failed') return null
  return (
    <section aria-label="Task error" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <h2 className="font-semibold">The task failed</h2>
      {task.error?.code && (
        <p>
          Code: <code>{task.error.code}</code>
        </p>
      )}
      <p>{task.error?.message ?? 'foxapi gave no reason.'}</p>
    </section>
  )
}
