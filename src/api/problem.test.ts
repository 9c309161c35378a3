import { describe, expect, it } from 'vitest'
import { describeProblem, parseRetryAfter, problemFromResponse, STOPS_POLLING, type Problem, type ProblemKind } from './problem'

const NOW = Date.parse('Wed, 26 Nov 2025 10:00:00 GMT')
const TASK = 'task-unified-1757165031-uyujaw3d'
const body = (type: string, message = 'from foxapi') => ({ error: { type, message } })

describe('problemFromResponse', () => {
  it.each<{ name: string; status: number; body: unknown; retryAfter?: string; problem: Problem }>([
    { name: 'foxwatch has no key', status: 401, body: body('missing_key'), problem: { kind: 'no-key' } },
    {
      name: 'foxapi refuses the key',
      status: 401,
      body: body('authentication_error', 'Invalid API key'),
      problem: { kind: 'unauthorized', status: 401, message: 'Invalid API key' },
    },
    { name: 'forbidden', status: 403, body: body('permission_error'), problem: { kind: 'unauthorized', status: 403, message: 'from foxapi' } },
    { name: 'balance too low', status: 402, body: body('insufficient_quota', 'Top up'), problem: { kind: 'quota', message: 'Top up' } },
    { name: 'no such task', status: 404, body: body('not_found'), problem: { kind: 'not-found', taskId: TASK } },
    { name: 'bad request', status: 400, body: body('invalid_request_error', 'bad id'), problem: { kind: 'invalid-request', status: 400, message: 'bad id' } },
    { name: 'unprocessable', status: 422, body: body('service_unavailable_error'), problem: { kind: 'invalid-request', status: 422, message: 'from foxapi' } },
    { name: 'rate limited, no Retry-After', status: 429, body: body('rate_limit_error'), problem: { kind: 'rate-limited', retryAfterSeconds: undefined } },
    { name: 'rate limited, Retry-After 7', status: 429, body: body('rate_limit_error'), retryAfter: '7', problem: { kind: 'rate-limited', retryAfterSeconds: 7 } },
    { name: 'foxwatch timed out', status: 504, body: body('upstream_timeout'), problem: { kind: 'timeout' } },
    {
      name: 'a gateway timeout from further up',
      status: 504,
      body: body('gateway_timeout'),
      problem: { kind: 'upstream', status: 504, retryAfterSeconds: undefined, message: 'from foxapi' },
    },
    { name: 'foxwatch cannot reach foxapi', status: 502, body: body('upstream_unreachable'), problem: { kind: 'network', where: 'foxapi' } },
    {
      name: 'foxapi sent too much',
      status: 502,
      body: body('upstream_too_large'),
      problem: { kind: 'upstream', status: 502, retryAfterSeconds: undefined, message: 'from foxapi' },
    },
    {
      name: 'server error',
      status: 500,
      body: body('server_error', 'oops'),
      problem: { kind: 'upstream', status: 500, retryAfterSeconds: undefined, message: 'oops' },
    },
    {
      name: 'upstream trouble with Retry-After',
      status: 503,
      body: body('service_unavailable_error', 'busy'),
      retryAfter: '40',
      problem: { kind: 'upstream', status: 503, retryAfterSeconds: 40, message: 'busy' },
    },
    {
      name: 'a body that is not JSON',
      status: 500,
      body: undefined,
      problem: { kind: 'upstream', status: 500, retryAfterSeconds: undefined, message: undefined },
    },
    {
      name: 'a 401 with an HTML body',
      status: 401,
      body: '<html>nope</html>',
      problem: { kind: 'unauthorized', status: 401, message: undefined },
    },
    {
      name: 'foxwatch’s own server out of room for large answers',
      status: 503,
      body: body('server_busy', 'foxwatch is busy'),
      retryAfter: '2',
      problem: { kind: 'busy', retryAfterSeconds: 2 },
    },
    {
      name: 'foxwatch’s own server pacing a page that queues too much',
      status: 429,
      body: body('server_busy', 'Too many waiting'),
      retryAfter: '3',
      problem: { kind: 'busy', retryAfterSeconds: 3 },
    },
    {
      name: 'a page where foxapi should have sent JSON, replaced by foxwatch',
      status: 502,
      body: body('upstream_bad_response', 'it sent text/html, not JSON.'),
      problem: { kind: 'bad-response', detail: 'it sent text/html, not JSON.' },
    },
    {
      name: 'an error body of the wrong shape',
      status: 400,
      body: { error: 'bad', message: 7 },
      problem: { kind: 'invalid-request', status: 400, message: undefined },
    },
  ])('$status, $name', ({ status, body, retryAfter, problem }) => {
    expect(problemFromResponse(status, body, retryAfter ?? null, TASK, NOW)).toEqual(problem)
  })
})

describe('parseRetryAfter', () => {
  it.each<{ header: string | null; seconds: number | undefined }>([
    { header: '7', seconds: 7 },
    { header: ' 120 ', seconds: 120 },
    { header: '0', seconds: 0 },
    { header: '1.5', seconds: 2 },
    { header: '0.2', seconds: 1 },
    { header: 'Wed, 26 Nov 2025 10:00:30 GMT', seconds: 30 },
    { header: 'Wed, 26 Nov 2025 10:00:00 GMT', seconds: 0 },
    { header: 'Wed, 26 Nov 2025 09:59:00 GMT', seconds: 0 },
    { header: 'soon', seconds: undefined },
    { header: '5 seconds', seconds: undefined },
    { header: '', seconds: undefined },
    { header: '   ', seconds: undefined },
    { header: null, seconds: undefined },
  ])('$header → $seconds', ({ header, seconds }) => {
    expect(parseRetryAfter(header, NOW)).toBe(seconds)
  })

  // Regression: V8's lenient Date.parse takes '-5' (the year -5) as a date, once read as "retry in 0 s".
  it.each(['-5', 'abc 2'])('%s → undefined', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined()
  })
})

describe('describeProblem', () => {
  const examples: Record<ProblemKind, Problem[]> = {
    'network': [{ kind: 'network', where: 'foxwatch' }, { kind: 'network', where: 'foxapi' }],
    'timeout': [{ kind: 'timeout' }],
    'no-key': [{ kind: 'no-key' }],
    'unauthorized': [
      { kind: 'unauthorized', status: 401, message: undefined },
      { kind: 'unauthorized', status: 403, message: 'Invalid API key' },
    ],
    'quota': [{ kind: 'quota', message: undefined }, { kind: 'quota', message: 'Balance too low' }],
    'not-found': [{ kind: 'not-found', taskId: TASK }],
    'invalid-request': [
      { kind: 'invalid-request', status: 400, message: undefined },
      { kind: 'invalid-request', status: 422, message: 'No channel available.' },
    ],
    'invalid-id': [
      { kind: 'invalid-id', message: undefined },
      { kind: 'invalid-id', message: 'That task ID is 10,000 characters long; a task ID is at most 512.' },
    ],
    'rate-limited': [{ kind: 'rate-limited', retryAfterSeconds: undefined }, { kind: 'rate-limited', retryAfterSeconds: 7 }],
    'upstream': [
      { kind: 'upstream', status: 503, retryAfterSeconds: undefined, message: undefined },
      { kind: 'upstream', status: 500, retryAfterSeconds: 40, message: 'Internal error.' },
    ],
    'bad-response': [{ kind: 'bad-response', detail: 'status: expected string' }],
    'busy': [{ kind: 'busy', retryAfterSeconds: undefined }, { kind: 'busy', retryAfterSeconds: 2 }],
  }

  it.each(Object.values(examples).flat())('describes $kind in a sentence, never "undefined"', (problem) => {
    const sentence = describeProblem(problem)
    expect(sentence.trim().length).toBeGreaterThan(15)
    expect(sentence).toMatch(/[.!?]$/)
    expect(sentence).not.toMatch(/undefined|null|NaN|\[object/)
  })

  it('names the details a person can act on', () => {
    expect(describeProblem({ kind: 'not-found', taskId: TASK })).toContain(TASK)
    expect(describeProblem({ kind: 'rate-limited', retryAfterSeconds: 7 })).toContain('7 s')
    expect(describeProblem({ kind: 'upstream', status: 503, retryAfterSeconds: undefined, message: undefined })).toContain('503')
    expect(describeProblem({ kind: 'unauthorized', status: 401, message: 'Invalid API key' })).toContain('Invalid API key')
  })

  it('has a polling decision for every kind', () => {
    expect(Object.keys(STOPS_POLLING).sort()).toEqual(Object.keys(examples).sort())
  })
})
