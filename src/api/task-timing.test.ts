import { describe, expect, it } from 'vitest'
import { checkTimesOf, runningFor, timeLeftMs, tookOf } from './task-timing'
import type { TaskView } from './task-view'
import type { StatusChange, TaskWatch } from './task-watch'

const T0 = 1_760_000_000_000
const task = (over: Partial<TaskView>): TaskView => ({
  id: 't', status: 'pending', type: 'image', artifacts: [], raw: {}, createdAt: T0, ...over,
} as TaskView)
const seen = (status: StatusChange['status'], at: number): StatusChange => ({ status, progress: undefined, at })

describe('tookOf', () => {
  it('splits a task seen pending, then processing, then completed into waiting and running', () => {
    const history = [seen('pending', T0 + 1_000), seen('processing', T0 + 4_000), seen('completed', T0 + 64_000)]
    expect(tookOf(task({ status: 'completed' }), history)).toEqual({ totalMs: 64_000, waitingMs: 4_000, runningMs: 60_000 })
  })

  it('gives the total alone when pending was never seen (waiting may have ended sooner)', () => {
    const history = [seen('processing', T0 + 4_000), seen('failed', T0 + 10_000)]
    expect(tookOf(task({ status: 'failed' }), history)).toEqual({ totalMs: 10_000, waitingMs: undefined, runningMs: undefined })
  })

  it('knows nothing of a task already settled at its first answer', () => {
    expect(tookOf(task({ status: 'completed' }), [seen('completed', T0 + 90_000)])).toBeUndefined()
  })

  it('knows nothing of a task still running', () => {
    expect(tookOf(task({ status: 'processing' }), [seen('pending', T0), seen('processing', T0 + 1)])).toBeUndefined()
  })
})

describe('runningFor and timeLeftMs', () => {
  it('count from foxapi’s created time', () => {
    expect(runningFor(task({ status: 'processing' }), [], T0 + 42_000)).toBe(42_000)
    expect(timeLeftMs(task({ status: 'processing', estimatedSeconds: 120 }), T0 + 30_000)).toBe(90_000)
  })

  it('go negative past the estimate, and say nothing once settled or without an estimate', () => {
    expect(timeLeftMs(task({ status: 'processing', estimatedSeconds: 60 }), T0 + 75_000)).toBe(-15_000)
    expect(timeLeftMs(task({ status: 'completed', estimatedSeconds: 60 }), T0 + 30_000)).toBeUndefined()
    expect(timeLeftMs(task({ status: 'processing' }), T0)).toBeUndefined()
    expect(runningFor(task({ status: 'completed' }), [], T0)).toBeUndefined()
  })
})

describe('checkTimesOf', () => {
  const watch = (over: Partial<TaskWatch>): TaskWatch => ({
    task: task({ status: 'processing' }), problem: undefined, failures: 0, updatedAt: T0 + 10_000, history: [seen('processing', T0)], ...over,
  } as TaskWatch)

  it('puts the next check one policy delay after the last', () => {
    const times = checkTimesOf(watch({}), false)
    expect(times.checkedAt).toBe(T0 + 10_000)
    expect(times.nextAt).toBeGreaterThan(T0 + 10_000)
    expect(times.notBefore).toBe(T0 + 10_000)
  })

  it('never lets a check go under foxapi’s Retry-After', () => {
    const times = checkTimesOf(watch({ problem: { kind: 'rate-limited', retryAfterSeconds: 20 }, failures: 1 }), false)
    expect(times.notBefore).toBe(T0 + 30_000)
    expect(times.nextAt).toBeGreaterThanOrEqual(T0 + 30_000)
  })

  it('has no next check once the task settled', () => {
    expect(checkTimesOf(watch({ task: task({ status: 'completed' }) }), false).nextAt).toBeUndefined()
  })
})
