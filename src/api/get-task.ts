// The one request for a task: GET /api/tasks/:id, parsed into a TaskView or thrown as an ApiError.
import { z } from 'zod/mini'
import { en } from 'zod/locales'
import { normalizeTask } from './normalize-task'
import { ApiError, problemFromResponse } from './problem'
import { readSettings } from '../lib/settings'
import { createRequestBudget } from './request-budget'
import { KEY_HEADER } from '../contract/key-header'
import { PACE_HEADER, PAGE_HEADER } from '../contract/request-pace'
import { RawTask } from './task-schema'
import type { TaskView } from './task-view'

// zod/mini ships no messages; full zod's English ones make a bad-response detail readable. Set
// here, in the task-fetching chunk, so the first page load doesn't carry them.
z.config(en())

const CLIENT_TIMEOUT_MS = 20_000

type GetTaskOptions = {
  apiKey: string | undefined
  syncUpstream: boolean
  signal?: AbortSignal
  now?: () => number
}

export function taskUrl(taskId: string, syncUpstream: boolean): string {
  return `/api/tasks/${encodeURIComponent(taskId)}${syncUpstream ? '?sync_upstream=true' : ''}`
}

/**
 * This page, to the server: its pace is kept per page (see request-pace.ts). Not randomUUID,
 * which a page served over plain HTTP beyond loopback does not have.
 */
const PAGE_ID = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')

/** Every task query of this page shares one budget, however many tasks are watched. */
export const taskQueryBudget = createRequestBudget(() => {
  const { maxInFlight, maxPerSecond } = readSettings()
  return { inFlight: maxInFlight, perSecond: maxPerSecond }
})

type Answer = { response: Response; body: unknown; json: boolean }

/** One request, holding a budget slot until its body is read; network failures become problems. */
async function request(url: string, apiKey: string | undefined, signal: AbortSignal | undefined): Promise<Answer> {
  return taskQueryBudget.run(async () => {
    // The server keeps to the same pace on its way to foxapi.
    const pace = { [PACE_HEADER]: String(readSettings().maxPerSecond), [PAGE_HEADER]: PAGE_ID }
    // The time limit starts when the query is sent, not while it waits its turn.
    const timeout = AbortSignal.timeout(CLIENT_TIMEOUT_MS)
    let response: Response
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', ...pace, ...(apiKey ? { [KEY_HEADER]: apiKey } : {}) },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      })
    } catch (error) {
      if (signal?.aborted) throw error
      throw new ApiError(timeout.aborted ? { kind: 'timeout' } : { kind: 'network', where: 'foxwatch' })
    }
    try {
      return { response, body: await response.json(), json: true }
    } catch {
      if (signal?.aborted) throw signal.reason
      return { response, body: undefined, json: false }
    }
  }, signal)
}

async function fetchTask(taskId: string, syncUpstream: boolean, { apiKey, signal, now = Date.now }: GetTaskOptions): Promise<TaskView> {
  const { response, body, json } = await request(taskUrl(taskId, syncUpstream), apiKey, signal)
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
    return fetchTask(taskId, false, options)
  }
  return task
}
