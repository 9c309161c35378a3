import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { hasUrl } from '../api/task-view'
import { markSeen, usePageTitle } from '../lib/page-title'
import { keepTask, useLocalUrls, withLocalUrls } from '../keep/kept-files'
import { useKept } from '../keep/kept-store'
import { keptTaskView } from '../keep/kept-task-view'
import { preloadRenderers } from '../renderers/registry'
import { ResultsSection } from '../renderers/results-section'
import { useSettings } from '../lib/settings'
import { shelveIds } from '../shelf/id-shelf'
import { WatchToggle } from '../watchlist/watch-toggle'
import { CopyAsCurl } from '../tasks/copy-as-curl'
import { OlderAnswerNote } from '../tasks/older-answer-note'
import { ProblemBanner } from '../tasks/problem-banner'
import { ApiKeyField } from '../settings/api-key-field'
import { useApiKey } from '../lib/api-key'
import { RawJson } from '../tasks/raw-json'
import { STATUS_LABEL } from '../api/status'
import { TaskFailure } from '../tasks/task-failure'
import { taskQueries } from '../api/task-queries'
import { TaskSummary } from '../tasks/task-summary'
import { TaskClock } from '../tasks/task-clock'
import { KeepButton, KeptNotice } from '../keep/keep-controls'
import { SaveAllButton } from '../keep/save-all-button'

export function TaskPage({ taskId }: { taskId: string }) {
  const query = useQuery(taskQueries.watch(taskId))
  const settings = useSettings()
  const apiKey = useApiKey()
  const store = useKept()
  const watch = query.data
  const kept = store.tasks.find((t) => t.meta.taskId === taskId)
  // When foxapi cannot be asked (offline, no key, the task long gone), the kept response stands in.
  const keptView = useMemo(() => (kept ? keptTaskView(kept.meta) : undefined), [kept])
  const task = watch?.task ?? keptView
  const localUrls = useLocalUrls(kept?.meta)
  const shown = useMemo(() => (task && localUrls ? withLocalUrls(task, localUrls) : task), [task, localUrls])
  // The results' views start loading now, not when rendering reaches them below the summary.
  preloadRenderers(shown?.artifacts)
  const linked = shown?.artifacts.some(hasUrl) ?? false

  const live = watch?.task
  const completedWhileWatched = live?.status === 'completed' && (watch?.history.some((change) => change.status !== 'completed') ?? false)
  const autoKeep = settings.autoKeep && completedWhileWatched && store.loaded && !kept && !store.problems.has(taskId) && !store.keeping.has(taskId)
  useEffect(() => {
    if (autoKeep && live) void keepTask(live)
  }, [autoKeep, live])

  useEffect(() => {
    if (task?.status === 'completed') shelveIds(task, Date.now())
  }, [task])

  usePageTitle(task ? `${STATUS_LABEL[task.status]} · ${taskId} · foxwatch` : `${taskId} · foxwatch`)
  // Looking at a task is seeing that it finished.
  useEffect(() => {
    if (task && !document.hidden) markSeen([taskId])
  }, [task, taskId])

  const retry = () => void query.refetch()
  // A query already out answers "Check now" too: it is joined, not started again.
  const checkNow = () => void query.refetch({ cancelRefetch: false })

  if (query.error && !keptView) {
    return (
      <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        foxwatch itself went wrong while reading this task: {query.error.message}
      </p>
    )
  }
  if (!watch && !keptView) {
    return (
      <p role="status" className="text-stone-600 dark:text-stone-300">
        Asking foxapi about {taskId}…
      </p>
    )
  }
  return (
    <div className="space-y-6">
      {watch?.problem && <ProblemBanner problem={watch.problem} stale={task !== undefined} onRetry={retry} />}
      {/* A task that needs a key offers the field right here, ready to type into. */}
      {watch?.problem?.kind === 'no-key' && !apiKey && <ApiKeyField autoFocus />}
      {/* Before any answer there is no summary to hold the button: it stands on its own. */}
      {!task && <WatchToggle taskId={taskId} />}
      {watch?.older && watch.task && <OlderAnswerNote shown={watch.task} older={watch.older} />}
      {task && shown && (
        <>
          <TaskSummary
            task={task}
            history={watch?.history ?? []}
            actions={
              <>
                <WatchToggle taskId={taskId} />
                {/* Keeping and saving are for what a task made. */}
                {task.status === 'completed' && task.artifacts.length > 0 && <><KeepButton task={task} /><SaveAllButton task={task} /></>}
              </>
            }
            notice={<KeptNotice taskId={task.id} />}
            clock={<TaskClock taskId={taskId} task={task} watch={watch} onCheckNow={checkNow} />}
          />
          <TaskFailure task={task} />
          {/* Until the kept copy is open, the links would be tried, and a dead one would stay
              "failed". Results with no links (a transcript, a chat) are the same either way, so
              they do not wait for the kept tasks to be listed. */}
          {linked && (!store.loaded || (kept && !localUrls)) ? (
            <p role="status" className="text-sm text-stone-500 dark:text-stone-400">
              Opening the copy kept in this browser…
            </p>
          ) : (
            <ResultsSection key={linked && localUrls ? 'kept' : 'links'} task={shown} />
          )}
          <CopyAsCurl taskId={taskId} />
          <RawJson value={task.raw} />
        </>
      )}
    </div>
  )
}
