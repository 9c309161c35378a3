// The one request for a task: GET /api/tasks/:id, parsed into a TaskView or thrown as an ApiError.
import { z } from 'zod/mini'
import { en } from 'zod/locales'
import { normalizeTask } from './normalize-task'
import { ApiError, problemFromResponse } from './problem'
import { readSettings } from '../lib/settings'
import { createRequestBudget } from './request-budget'
import { CLIENT_TIMEOUT_MS, sendTaskQuery, taskUrl, type Answer, type SentQuery } from './task-request'
import { RawTask } from './task-schema'
import type { TaskView } from './task-view'

// zod/mini ships no messages; full zod's English ones make a bad-response detail readable. Set
// here, in the task-fetching chunk, so the first page load doesn't carry them.
z.config(en())

type GetTaskOptions = {
  apiKey: string | undefined
  syncUpstream: boolean
  signal?: AbortSignal
  now?: () => number
  /** The first query, already sent (a deep link's head start): taken over rather than sent again. */
  sent?: SentQuery | undefined
}

/** Every task query of this page shares one budget, however many tasks are watched. */
export const taskQueryBudget = createRequestBudget(() => {
  const { maxInFlight, maxPerSecond } = readSettings()
  return { inFlight: maxInFlight, perSecond: maxPerSecond }
})

/** One request (or the one already sent), holding a budget slot until its body is read; network failures become problems. */
async function request(url: string, apiKey: string | undefined, signal: AbortSignal | undefined, sent: SentQuery | undefined): Promise<Answer> {
  return taskQueryBudget.run(async () => {
    // The time limit starts when the query is sent, not while it waits its turn.
    const timeout = sent?.timeout ?? AbortSignal.timeout(CLIENT_TIMEOUT_MS)
    try {
      return await (sent?.answer ?? sendTaskQuery(url, apiKey, signal ? AbortSignal.any([signal, timeout]) : timeout))
    } catch (error) {
      if (signal?.aborted) throw error
      throw new ApiError(timeout.aborted ? { kind: 'timeout' } : { kind: 'network', where: 'foxwatch' })
    }
  }, signal)
}

async function fetchTask(taskId: string, syncUpstream: boolean, { apiKey, signal, now = Date.now, sent }: GetTaskOptions): Promise<TaskView> {
  const { response, body, json } = await request(taskUrl(taskId, syncUpstream), apiKey, signal, sent)
  if (!response.ok) {
    throw new ApiError(problemFromResponse(response.status, body, response.headers.get('retry-after'), taskId, now()))
  }
  if (!json) throw new ApiError({ kind: 'bad-response', detail: 'The body is not JSON.' })
  return readTask(body, taskId)
}

/** A task's JSON body as a TaskView, or a bad-response problem when it is not a task at all. */
export function readTask(body: unknown, taskId: string): TaskView {
  const parsed = RawTask.safeParse(body)
  if (!parsed.success) throw new ApiError({ kind: 'bad-response', detail: z.prettifyError(parsed.error) })
  return normalizeTask(parsed.data, taskId, body)
}

/**
 * With `sync_upstream=true` a task can come back completed with no results; one more query
 * without the flag then returns them.
 */
export async function getTask(taskId: string, options: GetTaskOptions): Promise<TaskView> {
  const task = await fetchTask(taskId, options.syncUpstream, options)
  if (options.syncUpstream && task.status === 'completed' && task.artifacts.length === 0) {
    return fetchTask(taskId, false, { ...options, sent: undefined })
  }
  return task
}
