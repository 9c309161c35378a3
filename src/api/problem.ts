// Every way a task query can fail, as a value with a sentence a person can act on.
import { STOPS_POLLING, type Problem, type ProblemKind } from './problem-kinds'
import { RawErrorBody } from './error-body'

// The kinds live apart so the polling policy can know them without loading the schemas.
export { STOPS_POLLING, type Problem, type ProblemKind }

export class ApiError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(describeProblem(problem))
    this.name = 'ApiError'
    this.problem = problem
  }
}

export function describeProblem(p: Problem): string {
  switch (p.kind) {
    case 'network':
      return p.where === 'foxwatch'
        ? 'The foxwatch server is not answering. Is it still running?'
        : 'foxwatch cannot reach foxapi right now.'
    case 'timeout':
      return 'foxapi took too long to answer.'
    case 'no-key':
      return 'This task needs a foxapi API key. Enter yours here (it stays in this browser), or set FOXAPI_API_KEY on the server.'
    case 'unauthorized':
      return `foxapi refused the API key${p.message ? ` ("${p.message}")` : ''}. Check it, or set FOXAPI_API_KEY on the server.`
    case 'quota':
      return `foxapi says the account balance is too low${p.message ? ` ("${p.message}")` : ''}.`
    case 'not-found':
      return `foxapi has no task with ID ${p.taskId}. Check the ID, and that it belongs to this API key.`
    case 'invalid-request':
      return `foxapi refused the request (HTTP ${p.status})${p.message ? `: ${p.message}` : '.'}`
    case 'invalid-id':
      return `foxwatch did not ask foxapi: ${p.message ?? 'that is not a task ID.'}`
    case 'rate-limited':
      return p.retryAfterSeconds === undefined
        ? 'foxapi asked us to slow down.'
        : `foxapi asked us to slow down; next try in ${p.retryAfterSeconds} s.`
    case 'upstream':
      return `foxapi is having trouble (HTTP ${p.status})${p.message ? `: ${p.message}` : '.'}`
    case 'bad-response':
      return 'foxapi sent an answer foxwatch could not read.'
    case 'busy':
      return p.retryAfterSeconds === undefined
        ? 'The foxwatch server is busy passing on other large answers; it will ask again shortly.'
        : `The foxwatch server is busy passing on other large answers; next try in ${p.retryAfterSeconds} s.`
  }
}

/** Seconds from a Retry-After header: a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined
  const trimmed = header.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed))
  // An HTTP date names its weekday ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse alone would
  // also take "-5" or "abc 2" as dates.
  if (!/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? /i.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - now) / 1000))
}

/** The problem a non-2xx answer from /api/tasks/:id stands for. */
export function problemFromResponse(status: number, body: unknown, retryAfter: string | null, taskId: string, now: number): Problem {
  const parsed = RawErrorBody.safeParse(body)
  const type = parsed.success ? parsed.data.error.type : undefined
  const message = parsed.success ? parsed.data.error.message : undefined
  const retryAfterSeconds = parseRetryAfter(retryAfter, now)
  if (status === 401 && type === 'missing_key') return { kind: 'no-key' }
  if (type === 'server_busy') return { kind: 'busy', retryAfterSeconds }
  if (status === 502 && type === 'upstream_bad_response') return { kind: 'bad-response', detail: message ?? '' }
  if (status === 400 && type === 'invalid_task_id') return { kind: 'invalid-id', message }
  if (status === 401 || status === 403) return { kind: 'unauthorized', status, message }
  if (status === 402) return { kind: 'quota', message }
  if (status === 404) return { kind: 'not-found', taskId }
  if (status === 429) return { kind: 'rate-limited', retryAfterSeconds }
  if (status === 504 && type === 'upstream_timeout') return { kind: 'timeout' }
  if (status === 502 && type === 'upstream_unreachable') return { kind: 'network', where: 'foxapi' }
  if (status >= 500) return { kind: 'upstream', status, retryAfterSeconds, message }
  return { kind: 'invalid-request', status, message }
}
