// The task page's part of keeping: the button that keeps a task, and what is kept of it.
import type { TaskView } from '../api/task-view'
import { formatTime } from '../lib/format'
import { Button } from '../lib/ui/button'
import { formatBytes } from '../contract/format-bytes'
import { useKept } from './kept-store'
import { keepTask, removeKept } from './kept-files'

export function KeepButton({ task }: { task: TaskView }) {
  const kept = useKept()
  if (!kept.loaded || !kept.available || kept.tasks.some((t) => t.meta.taskId === task.id)) return null
  const keeping = kept.keeping.has(task.id)
  return (
    <Button onClick={() => void keepTask(task)} disabled={keeping} title="Copy every result into this browser, so it outlives the links">
      {keeping ? 'Keeping…' : 'Keep in this browser'}
    </Button>
  )
}

export function KeptNotice({ taskId }: { taskId: string }) {
  const kept = useKept()
  const task = kept.tasks.find((t) => t.meta.taskId === taskId)
  const problem = kept.problems.get(taskId)
  return (
    <>
      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {problem}
        </p>
      )}
      {task && (
        <div
          role="status"
          aria-label="Kept in this browser"
          className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        >
          <span>
            <strong>Kept in this browser</strong> · {formatBytes(task.size)} · since {formatTime(task.meta.keptAt)}. Previews, Save and Save all
            work from this copy, after the links expire and offline.
          </span>
          <Button variant="quiet" className="ml-auto" onClick={() => void removeKept(taskId)}>
            Remove from this browser
          </Button>
        </div>
      )}
    </>
  )
}
