import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { ResultsSection } from '../renderers/results-section'
import { shelveIds } from '../shelf/id-shelf'
import { ProblemBanner } from './problem-banner'
import { RawJson } from './raw-json'
import { STATUS_LABEL } from './status'
import { TaskFailure } from './task-failure'
import { taskQueries } from './task-queries'
import { TaskSummary } from './task-summary'

export function TaskPage({ taskId }: { taskId: string }) {
  const query = useQuery(taskQueries.watch(taskId))
  const watch = query.data
  const task = watch?.task

  useEffect(() => {
    if (task?.status === 'completed') shelveIds(task, Date.now())
  }, [task])

  useEffect(() => {
    document.title = task ? `${STATUS_LABEL[task.status]} · ${taskId} · foxwatch` : `${taskId} · foxwatch`
  }, [task, taskId])

  const retry = () => void query.refetch()

  if (query.error) {
    return (
      <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        foxwatch itself went wrong while reading this task: {query.error.message}
      </p>
    )
  }
  if (!watch) {
    return (
      <p role="status" className="text-stone-600 dark:text-stone-300">
        Asking foxapi about {taskId}…
      </p>
    )
  }
  return (
    <div className="space-y-6">
      {watch.problem && <ProblemBanner problem={watch.problem} stale={task !== undefined} onRetry={retry} />}
      {task && (
        <>
          <TaskSummary task={task} history={watch.history} />
          <TaskFailure task={task} />
          <ResultsSection task={task} />
          <RawJson value={task.raw} />
        </>
      )}
    </div>
  )
}
