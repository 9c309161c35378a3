// One poll of one watched task, recorded as a TaskWatch. Its own chunk, loaded with the first task
// query: the request, the schemas and normalising stay off the first load of a page watching nothing.
import { getTask } from './get-task'
import { ApiError } from './problem'
import { readApiKey } from '../lib/api-key'
import { readSettings } from '../lib/settings'
import { recordAnswer, recordProblem, type TaskWatch } from './task-watch'

/** What a query is asked with, besides the task: a head start asked otherwise is not the query's answer. */
const askedWith = () => `${readSettings().syncUpstream} ${readApiKey() ?? ''}`

export async function fetchWatch(taskId: string, previous: TaskWatch | undefined, signal: AbortSignal): Promise<TaskWatch> {
  try {
    const task = await getTask(taskId, { apiKey: readApiKey(), syncUpstream: readSettings().syncUpstream, signal })
    return recordAnswer(previous, task, Date.now())
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    return recordProblem(previous, error.problem, Date.now())
  }
}

type HeadStart = { taskId: string; watch: Promise<TaskWatch>; controller: AbortController; askedWith: string }

let headStart: HeadStart | undefined

/** How long a head start waits to be taken over by its query before it is let go. */
const HEAD_START_MS = 20_000

/**
 * A deep link's first query, sent as the page starts, beside the chunks the task page needs,
 * rather than after them; the task's query takes it over (takeHeadStart). Only for a page with
 * no stored cache: with one, the restore decides whether a query is due at all.
 */
export function startHeadStart(taskId: string): void {
  headStart?.controller.abort()
  const controller = new AbortController()
  const watch = fetchWatch(taskId, undefined, controller.signal)
  // Met by the query that takes it; one that is never taken is let go without a word.
  watch.catch(() => undefined)
  const started: HeadStart = { taskId, watch, controller, askedWith: askedWith() }
  headStart = started
  setTimeout(() => {
    if (headStart !== started) return
    headStart = undefined
    controller.abort()
  }, HEAD_START_MS)
}

/** The head start for `taskId`'s first query, if one is on its way; cancelled with `signal`. */
export function takeHeadStart(taskId: string, signal: AbortSignal): Promise<TaskWatch> | undefined {
  const started = headStart
  if (started?.taskId !== taskId) return undefined
  headStart = undefined
  // A key typed (or a setting changed) since it left: its answer (most likely "no key") is stale.
  if (started.askedWith !== askedWith()) {
    started.controller.abort()
    return undefined
  }
  if (signal.aborted) started.controller.abort(signal.reason)
  else signal.addEventListener('abort', () => started.controller.abort(signal.reason), { once: true })
  return started.watch
}
