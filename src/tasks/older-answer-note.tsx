import type { TaskView } from '../api/task-view'
import { isSettled, STATUS_LABEL } from '../api/status'
import type { StatusChange } from '../api/task-watch'

/** Says that foxapi's latest answer was older than the task on screen, and was not shown. */
export function OlderAnswerNote({ shown, older }: { shown: TaskView; older: StatusChange }) {
  const said = `${STATUS_LABEL[older.status]}${older.status === 'processing' && older.progress !== undefined ? `, ${older.progress}%` : ''}`
  return (
    <p role="status" className="rounded-md border border-stone-300 bg-stone-50 px-3 py-2 text-sm text-stone-700 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-200">
      foxapi’s latest answer ({said}) is older than what is shown;{' '}
      {isSettled(shown.status)
        ? `this task had already settled (${STATUS_LABEL[shown.status]}), and a settled task stays settled.`
        : 'foxwatch keeps the newer one and goes on watching.'}
    </p>
  )
}
