// The request a task query sends, and a deep link's first one sent as the page starts. In the
// first load, kept small: what reads the answer (schemas, normalising) is fetch-watch's chunk.
import { readApiKey } from '../lib/api-key'
import { readSettings } from '../lib/settings'
import { KEY_HEADER } from '../contract/key-header'
import { PACE_HEADER, PAGE_HEADER } from '../contract/request-pace'
import type { TaskWatch } from './task-watch'

/** How long a query may take, from when it is sent. */
export const CLIENT_TIMEOUT_MS = 20_000

export function taskUrl(taskId: string, syncUpstream: boolean): string {
  return `/api/tasks/${encodeURIComponent(taskId)}${syncUpstream ? '?sync_upstream=true' : ''}`
}

/**
 * This page, to the server: its pace is kept per page (see request-pace.ts). Not randomUUID,
 * which a page served over plain HTTP beyond loopback does not have.
 */
const PAGE_ID = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')

/** A response and its body: JSON, or `json: false` when it would not parse (or stopped coming). */
export type Answer = { response: Response; body: unknown; json: boolean }

/** Sends one task query and reads its body; rejects as fetch does (no connection, or `signal`). */
export async function sendTaskQuery(url: string, apiKey: string | undefined, signal: AbortSignal): Promise<Answer> {
  // The server keeps to the same pace on its way to foxapi.
  const pace = { [PACE_HEADER]: String(readSettings().maxPerSecond), [PAGE_HEADER]: PAGE_ID }
  const response = await fetch(url, { headers: { accept: 'application/json', ...pace, ...(apiKey ? { [KEY_HEADER]: apiKey } : {}) }, signal })
  try {
    return { response, body: await response.json(), json: true }
  } catch {
    if (signal.aborted) throw signal.reason
    return { response, body: undefined, json: false }
  }
}

/** What a query is asked with, besides the task: a head start asked otherwise is not the query's answer. */
export const askedWith = () => `${readSettings().syncUpstream} ${readApiKey() ?? ''}`

/** A query already sent, for its task's query to take over: its answer, and its time limit. */
export type SentQuery = { answer: Promise<Answer>; timeout: AbortSignal }

/**
 * A head start: the query sent, and, once fetch-watch's chunk is here, that answer already read
 * as a TaskWatch (readHeadStart), so the task's query finds it ready.
 */
export type HeadStart = SentQuery & {
  taskId: string
  controller: AbortController
  askedWith: string
  watch?: Promise<TaskWatch>
}

/** The head start on its way, until its query takes it (fetch-watch.ts) or its time is up. */
export const headStarts: { current?: HeadStart | undefined } = {}

/**
 * A deep link's first query, sent as the entry runs, beside the chunks the task page needs and
 * its body read as it comes, rather than after them; the task's query takes it over
 * (takeHeadStart). Only where no cache is stored: with one, the restore decides whether a query
 * is due at all. One not taken within the time limit is let go.
 */
export function startHeadStart(taskId: string): void {
  headStarts.current?.controller.abort()
  const controller = new AbortController()
  const limit = new AbortController()
  const timeout = limit.signal
  const answer = sendTaskQuery(taskUrl(taskId, readSettings().syncUpstream), readApiKey(), AbortSignal.any([controller.signal, timeout]))
  // Met by the query that takes it; one that is never taken is let go without a word.
  answer.catch(() => undefined)
  const started: HeadStart = { taskId, answer, timeout, controller, askedWith: askedWith() }
  headStarts.current = started
  setTimeout(() => {
    if (headStarts.current === started) headStarts.current = undefined
    limit.abort(new DOMException('The task query took too long.', 'TimeoutError'))
  }, CLIENT_TIMEOUT_MS)
}
