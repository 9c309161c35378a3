import { describe, expect, it } from 'vitest'
import { normalizeTask } from './normalize-task'
import type { Problem } from './problem'
import { RawTask } from './task-schema'
import { isWatchOver, jitterOf, nextPollDelay, pollDelayFor, POLICY } from './polling'
import { recordAnswer, recordProblem, type TaskWatch } from './task-watch'

const NOW = 1_764_100_000_000
const ID = 'task-unified-1764100000-abcdefgh'

/** A task as foxapi would send it, created `ageSeconds` before NOW. */
function task(status: string, { ageSeconds = 30, estimatedSeconds }: { ageSeconds?: number; estimatedSeconds?: number } = {}) {
  return normalizeTask(RawTask.parse({
    id: ID,
    type: 'video',
    status,
    progress: 10,
    created: NOW / 1000 - ageSeconds,
    ...(estimatedSeconds === undefined ? {} : { task_info: { can_cancel: false, estimated_time: estimatedSeconds } }),
  }), ID)
}

function answered(status: string, answers: number, options?: Parameters<typeof task>[1]): TaskWatch {
  const answer = task(status, options)
  let watch = recordAnswer(undefined, answer, NOW)
  for (let i = 1; i < answers; i++) watch = recordAnswer(watch, answer, NOW)
  return watch
}

/** `failures` failed queries in a row, after three good answers of a task still processing. */
function failing(problem: Problem, failures: number): TaskWatch {
  let watch = recordProblem(answered('processing', 3), problem, NOW)
  for (let i = 1; i < failures; i++) watch = recordProblem(watch, problem, NOW)
  return watch
}

const delay = (watch: TaskWatch | undefined, { hidden = false, random = 0.5 } = {}) =>
  nextPollDelay({ watch, hidden, now: NOW, random })

const upstream = (status: number, retryAfterSeconds?: number): Problem =>
  ({ kind: 'upstream', status, retryAfterSeconds, message: undefined })

const RETRYABLE: Array<{ name: string; problem: Problem }> = [
  { name: 'network', problem: { kind: 'network', where: 'foxapi' } },
  { name: 'timeout', problem: { kind: 'timeout' } },
  { name: 'upstream', problem: upstream(500) },
  { name: 'bad-response', problem: { kind: 'bad-response', detail: 'status: expected string' } },
  { name: 'rate-limited without Retry-After', problem: { kind: 'rate-limited', retryAfterSeconds: undefined } },
]

const STOPPING: Array<{ name: string; problem: Problem }> = [
  { name: 'unauthorized', problem: { kind: 'unauthorized', status: 401, message: 'Invalid API key' } },
  { name: 'no-key', problem: { kind: 'no-key' } },
  { name: 'not-found', problem: { kind: 'not-found', taskId: ID } },
  { name: 'quota', problem: { kind: 'quota', message: undefined } },
  { name: 'invalid-request', problem: { kind: 'invalid-request', status: 400, message: undefined } },
]

describe('isWatchOver', () => {
  it.each<{ name: string; watch: TaskWatch | undefined; over: boolean }>([
    { name: 'no watch yet', watch: undefined, over: false },
    { name: 'pending', watch: answered('pending', 1), over: false },
    { name: 'processing', watch: answered('processing', 4), over: false },
    { name: 'an unknown status', watch: answered('exploded', 1), over: false },
    { name: 'completed', watch: answered('completed', 1), over: true },
    { name: 'failed', watch: answered('failed', 1), over: true },
    { name: 'cancelled', watch: answered('cancelled', 1), over: true },
    ...RETRYABLE.map(({ name, problem }) => ({ name: `a ${name} problem`, watch: failing(problem, 1), over: false })),
    ...STOPPING.map(({ name, problem }) => ({ name: `a ${name} problem`, watch: failing(problem, 1), over: true })),
  ])('$name → $over', ({ watch, over }) => {
    expect(isWatchOver(watch)).toBe(over)
  })
})

describe('nextPollDelay after answers', () => {
  it.each<{ name: string; watch: TaskWatch | undefined; expected: number | false }>([
    { name: 'no watch yet', watch: undefined, expected: POLICY.firstMs },
    { name: 'pending, 1 s old: newborn, firstMs', watch: answered('pending', 1, { ageSeconds: 1 }), expected: POLICY.firstMs },
    { name: 'processing, 4 s old: never under youngMs', watch: answered('processing', 3, { ageSeconds: 4 }), expected: POLICY.youngMs },
    { name: 'processing, 10 s old: ageFactor of its age', watch: answered('processing', 6, { ageSeconds: 10 }), expected: 2000 },
    { name: 'processing, 30 s old', watch: answered('processing', 9, { ageSeconds: 30 }), expected: 6000 },
    { name: 'processing, 60 s old: steadyMs at most', watch: answered('processing', 12, { ageSeconds: 60 }), expected: POLICY.steadyMs },
    { name: 'processing, an hour old, first seen now: steadyMs at once', watch: answered('processing', 1, { ageSeconds: 3600 }), expected: POLICY.steadyMs },
    { name: 'created ahead of this clock: a task just begun', watch: answered('processing', 1, { ageSeconds: -90 }), expected: POLICY.firstMs },
    { name: 'completed', watch: answered('completed', 3), expected: false },
    { name: 'failed', watch: answered('failed', 3), expected: false },
    { name: 'cancelled', watch: answered('cancelled', 3), expected: false },
    { name: 'an unknown status keeps polling', watch: answered('exploded', 1, { ageSeconds: 5 }), expected: POLICY.youngMs },
    {
      name: 'estimate far away, 5 s old: stretched to twice the usual gap',
      watch: answered('processing', 1, { ageSeconds: 5, estimatedSeconds: 180 }),
      expected: POLICY.youngMs * POLICY.estimateStretch,
    },
    {
      name: 'estimate far away, 40 s old: capped at estimateCapMs',
      watch: answered('processing', 10, { ageSeconds: 40, estimatedSeconds: 180 }),
      expected: POLICY.estimateCapMs,
    },
    {
      name: 'estimate 24 s away, 20 s old: a third of it, at most twice the usual gap',
      watch: answered('processing', 8, { ageSeconds: 20, estimatedSeconds: 44 }),
      expected: 8000,
    },
    {
      name: 'estimate 1 s away: the usual pace',
      watch: answered('processing', 4, { ageSeconds: 9, estimatedSeconds: 10 }),
      expected: 1800,
    },
    {
      name: 'estimate long past: the usual pace',
      watch: answered('processing', 30, { ageSeconds: 600, estimatedSeconds: 10 }),
      expected: POLICY.steadyMs,
    },
  ])('$name → $expected', ({ watch, expected }) => {
    expect(delay(watch)).toBe(expected)
  })

  it('counts the age from the first answer when foxapi sends no created time', () => {
    const undated = normalizeTask(RawTask.parse({ id: ID, type: 'video', status: 'processing' }), ID)
    const watch = recordAnswer(undefined, undated, NOW - 20_000)
    expect(delay(recordAnswer(watch, undated, NOW))).toBe(4000)
  })

  it('grows with the task’s age, never past steadyMs', () => {
    const delays = Array.from({ length: 120 }, (_, age) => delay(answered('processing', 1, { ageSeconds: age })))
    expect(delays).toEqual([...delays].sort((a, b) => Number(a) - Number(b)))
    expect(delays.at(-1)).toBe(POLICY.steadyMs)
  })

  it('waits longer while the estimate is far away, never past estimateCapMs', () => {
    for (let age = 1; age <= 90; age++) {
      const usual = delay(answered('processing', 1, { ageSeconds: age }))
      const far = delay(answered('processing', 1, { ageSeconds: age, estimatedSeconds: 600 }))
      expect(far).toBeGreaterThanOrEqual(Number(usual))
      expect(far).toBeLessThanOrEqual(POLICY.estimateCapMs)
    }
  })
})

describe('nextPollDelay after problems', () => {
  const backoff = [
    { failures: 1, exponential: 1000 },
    { failures: 2, exponential: 2000 },
    { failures: 3, exponential: 4000 },
    { failures: 4, exponential: 8000 },
    { failures: 5, exponential: 16_000 },
    { failures: 6, exponential: POLICY.backoffCapMs },
    { failures: 7, exponential: POLICY.backoffCapMs },
    { failures: 8, exponential: POLICY.backoffCapMs },
    { failures: 9, exponential: POLICY.backoffCapMs },
    { failures: 10, exponential: POLICY.backoffCapMs },
  ]

  it.each(RETRYABLE.flatMap(({ name, problem }) => backoff.map((b) => ({ name, problem, ...b }))))(
    '$name, $failures failures: equal jitter between $exponential/2 and $exponential',
    ({ problem, failures, exponential }) => {
      const watch = failing(problem, failures)
      expect(delay(watch, { random: 0 })).toBe(exponential / 2)
      const high = delay(watch, { random: 0.999 })
      expect(high).toBeGreaterThanOrEqual(exponential * 0.99)
      expect(high).toBeLessThanOrEqual(exponential)
    },
  )

  it.each([
    { name: 'rate-limited, Retry-After 7', problem: { kind: 'rate-limited', retryAfterSeconds: 7 }, failures: 1, atLeast: 7000 },
    { name: 'rate-limited, Retry-After 7, 10 failures', problem: { kind: 'rate-limited', retryAfterSeconds: 7 }, failures: 10, atLeast: 15_000 },
    { name: 'upstream 503, Retry-After 40', problem: upstream(503, 40), failures: 1, atLeast: 40_000 },
    { name: 'upstream 503, Retry-After 40, 10 failures', problem: upstream(503, 40), failures: 10, atLeast: 40_000 },
  ] satisfies Array<{ name: string; problem: Problem; failures: number; atLeast: number }>)(
    '$name → at least $atLeast',
    ({ problem, failures, atLeast }) => {
      for (const random of [0, 0.999]) {
        expect(delay(failing(problem, failures), { random })).toBeGreaterThanOrEqual(atLeast)
      }
    },
  )

  it.each(STOPPING)('$name → false, hidden or not', ({ problem }) => {
    expect(delay(failing(problem, 1))).toBe(false)
    expect(delay(failing(problem, 1), { hidden: true })).toBe(false)
  })
})

describe('nextPollDelay in a hidden tab', () => {
  it.each<{ name: string; watch: TaskWatch }>([
    { name: 'pending, 1 answer', watch: answered('pending', 1) },
    { name: 'processing, 20 answers', watch: answered('processing', 20) },
    { name: 'an unknown status', watch: answered('exploded', 1) },
    { name: 'estimate far away', watch: answered('processing', 1, { ageSeconds: 5, estimatedSeconds: 180 }) },
    { name: '1 network failure', watch: failing({ kind: 'network', where: 'foxapi' }, 1) },
    { name: '10 timeouts', watch: failing({ kind: 'timeout' }, 10) },
    { name: 'rate-limited, Retry-After 7', watch: failing({ kind: 'rate-limited', retryAfterSeconds: 7 }, 1) },
  ])('$name: slower, within [hiddenMinMs, hiddenCapMs], never false', ({ watch }) => {
    for (const random of [0, 0.999]) {
      const visible = delay(watch, { random })
      const hidden = delay(watch, { hidden: true, random })
      expect(visible).not.toBe(false)
      expect(hidden).not.toBe(false)
      expect(hidden).toBeGreaterThanOrEqual(POLICY.hiddenMinMs)
      expect(hidden).toBeLessThanOrEqual(POLICY.hiddenCapMs)
      expect(hidden).toBeGreaterThanOrEqual(Number(visible))
    }
  })

  it.each(['completed', 'failed', 'cancelled'])('%s → false', (status) => {
    expect(delay(answered(status, 2), { hidden: true })).toBe(false)
  })

  // Regression: the hidden-tab cap (30 s) once overrode a longer Retry-After.
  it('still honours a Retry-After longer than hiddenCapMs', () => {
    const watch = failing(upstream(503, 40), 1)
    expect(delay(watch)).toBeGreaterThanOrEqual(40_000)
    expect(delay(watch, { hidden: true })).toBeGreaterThanOrEqual(40_000)
  })
})

describe('pollDelayFor (what the refetch timer is given)', () => {
  it('is the policy at the time of the latest answer, whenever it is asked', () => {
    const watch = answered('processing', 2, { ageSeconds: 20 })
    expect(pollDelayFor(watch, false)).toBe(nextPollDelay({ watch, hidden: false, now: watch.updatedAt, random: jitterOf(watch) }))
    expect(pollDelayFor(watch, true)).toBe(nextPollDelay({ watch, hidden: true, now: watch.updatedAt, random: jitterOf(watch) }))
  })

  it('jitters each failure by a fixed amount in [0, 1), spread across queries', () => {
    const draws = Array.from({ length: 1000 }, (_, i) => jitterOf({ ...failing(upstream(503), 1 + (i % 5)), updatedAt: NOW + i * 37 }))
    expect(draws.every((r) => r >= 0 && r < 1)).toBe(true)
    // Spread over the whole range: every tenth of it is drawn at least 50 times in 1000.
    const tenths = Array.from({ length: 10 }, (_, t) => draws.filter((r) => Math.floor(r * 10) === t).length)
    expect(Math.min(...tenths)).toBeGreaterThanOrEqual(50)
    const watch = failing(upstream(503), 2)
    expect(jitterOf(watch)).toBe(jitterOf({ ...watch }))
  })
})
