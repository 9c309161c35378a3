// Time made visible on a task's page: how long it has run and has left, or how long it took; when
// foxwatch last asked and will ask next; and "Check now".
import { useIsFetching } from '@tanstack/react-query'
import { isWatchOver } from '../api/polling'
import { taskQueries } from '../api/task-queries'
import { checkTimesOf, runningFor, timeLeftMs, tookOf } from '../api/task-timing'
import type { TaskView } from '../api/task-view'
import type { TaskWatch } from '../api/task-watch'
import { formatAge } from '../lib/format'
import { Button } from '../lib/ui/button'
import { useNow } from '../lib/use-now'

/** A rough span for an estimate: "about 40 s", "about 3 min". */
function about(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return seconds < 90 ? `about ${Math.max(1, seconds)} s` : `about ${Math.round(seconds / 60)} min`
}

/** What the duration says: how long it ran, and has left; or how long it took. */
export function durationText(task: TaskView, history: TaskWatch['history'], now: number): string {
  const took = tookOf(task, history)
  if (took) {
    const parts = took.waitingMs !== undefined && took.runningMs !== undefined
      ? ` (waited ${formatAge(took.waitingMs)}, ran ${formatAge(took.runningMs)})`
      : ''
    return `Took ${formatAge(took.totalMs)}${parts}`
  }
  const ran = runningFor(task, history, now)
  if (ran === undefined) return ''
  const left = timeLeftMs(task, now)
  const estimate = left === undefined ? '' : left > 0 ? ` · ${about(left)} left` : ` · ${formatAge(-left)} past foxapi's estimate`
  return `Running for ${formatAge(ran)}${estimate}`
}

type TaskClockProps = {
  /** The ID asked for (the answer's own may differ): its query is the one watched for activity. */
  taskId: string
  task: TaskView
  watch: TaskWatch | undefined
  onCheckNow: () => void
}

export function TaskClock({ taskId, task, watch, onCheckNow }: TaskClockProps) {
  // Its own second hand, so only this line draws again each second, not the results.
  const now = useNow()
  // A quiet sign while foxwatch is asking foxapi: this line alone listens for it.
  const checking = useIsFetching({ queryKey: taskQueries.watch(taskId).queryKey }) > 0
  const duration = durationText(task, watch?.history ?? [], now)
  const times = watch && !isWatchOver(watch) ? checkTimesOf(watch, document.hidden) : undefined
  const waitFor = times ? times.notBefore - now : 0
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-stone-600 dark:text-stone-300" data-testid="task-clock">
      {duration && <span>{duration}</span>}
      {times && (
        <span>
          {checking ? 'Checking now…' : `Checked ${formatAge(now - times.checkedAt)} ago`}
          {times.nextAt !== undefined && ` · next check in ${formatAge(Math.max(0, times.nextAt - now))}`}
        </span>
      )}
      {times && (
        <Button
          variant="quiet"
          className="px-2 py-0.5"
          disabled={waitFor > 0}
          title={waitFor > 0 ? `foxapi asked foxwatch to wait ${formatAge(waitFor)} more` : 'Ask foxapi now (within the request budget)'}
          onClick={onCheckNow}
        >
          Check now
        </Button>
      )}
    </div>
  )
}
