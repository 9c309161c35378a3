// One poll of one watched task, recorded as a TaskWatch. Its own chunk, loaded with the first task
// query: the request, the schemas and normalising stay off the first load of a page watching nothing.
import { getTask } from './get-task'
import { ApiError } from './problem'
import { readApiKey } from '../lib/api-key'
import { readSettings } from '../lib/settings'
import { askedWith, headStarts, type HeadStart, type SentQuery } from './task-request'
import { recordAnswer, recordProblem, type TaskWatch } from './task-watch'

/** One poll; `sent` is its request already on its way (a deep link's head start, task-request.ts). */
export async function fetchWatch(taskId: string, previous: TaskWatch | undefined, signal: AbortSignal, sent?: SentQuery): Promise<TaskWatch> {
  try {
    const task = await getTask(taskId, { apiKey: readApiKey(), syncUpstream: readSettings().syncUpstream, signal, sent })
    return recordAnswer(previous, task, Date.now())
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    return recordProblem(previous, error.problem, Date.now())
  }
}

/**
 * Reads a deep link's head start as soon as it has come, as a TaskWatch, so the task's query
 * finds it ready rather than reading it when the page first asks (decision 0041). Resolves with
 * it (undefined without one); a failure is the query's to meet.
 */
export function readHeadStart(): Promise<TaskWatch> | undefined {
  const started = headStarts.current
  if (!started) return undefined
  started.watch ??= fetchWatch(started.taskId, undefined, started.controller.signal, started)
  started.watch.catch(() => undefined)
  return started.watch
}

/** The head start for `taskId`'s first query, if one is on its way; cancelled with `signal`. */
export function takeHeadStart(taskId: string, signal: AbortSignal): HeadStart | undefined {
  const started = headStarts.current
  if (started?.taskId !== taskId) return undefined
  headStarts.current = undefined
  // A key typed (or a setting changed) since it left: its answer (most likely "no key") is stale.
  if (started.askedWith !== askedWith()) {
    started.controller.abort()
    return undefined
  }
  if (signal.aborted) started.controller.abort(signal.reason)
  else signal.addEventListener('abort', () => started.controller.abort(signal.reason), { once: true })
  return started
}
