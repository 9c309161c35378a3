import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRequestBudget } from './request-budget'

describe('the request budget', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function deferred() {
    let finish = () => {}
    const promise = new Promise<void>((resolve) => {
      finish = resolve
    })
    return { promise, finish }
  }

  it('never has more than inFlight queries running', async () => {
    const budget = createRequestBudget({ inFlight: 2, perSecond: 100 })
    const jobs = Array.from({ length: 5 }, () => deferred())
    let running = 0
    let most = 0
    const all = jobs.map((job) => budget.run(async () => {
      running++
      most = Math.max(most, running)
      await job.promise
      running--
    }))
    // Starts are spaced (12.5 ms at 100 a second); after a while, two run and three wait.
    await vi.advanceTimersByTimeAsync(100)
    expect(budget.load()).toEqual({ active: 2, waiting: 3 })
    for (const job of jobs) {
      job.finish()
      await vi.advanceTimersByTimeAsync(100)
    }
    await Promise.all(all)
    expect(most).toBe(2)
  })

  it('starts at most perSecond queries in any second, spaced evenly rather than in bursts', async () => {
    const budget = createRequestBudget({ inFlight: 100, perSecond: 5 })
    const starts: number[] = []
    const all = Array.from({ length: 12 }, () => budget.run(async () => {
      starts.push(Date.now())
    }))
    await vi.advanceTimersByTimeAsync(5000)
    await Promise.all(all)
    expect(starts).toHaveLength(12)
    for (const start of starts) {
      expect(starts.filter((other) => other >= start && other < start + 1000).length).toBeLessThanOrEqual(5)
    }
    // Each start exactly a fifth of a second after the one before: no burst, and no stretch.
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0))
    expect(gaps).toEqual(Array.from({ length: 11 }, () => 200))
  })

  it('lets a query go at once when none went lately', async () => {
    const budget = createRequestBudget({ inFlight: 4, perSecond: 5 })
    await vi.advanceTimersByTimeAsync(10_000)
    const before = Date.now()
    let startedAt = 0
    await budget.run(async () => {
      startedAt = Date.now()
    })
    expect(startedAt).toBe(before)
  })

  it('lets a waiter that gives up leave the queue', async () => {
    const budget = createRequestBudget({ inFlight: 1, perSecond: 100 })
    const blocker = deferred()
    const first = budget.run(() => blocker.promise)
    const controller = new AbortController()
    const second = budget.run(async () => 'ran', controller.signal)
    controller.abort(new Error('gone'))
    await expect(second).rejects.toThrow('gone')
    expect(budget.load().waiting).toBe(0)
    blocker.finish()
    await first
  })

  it('frees the slot when a query fails', async () => {
    const budget = createRequestBudget({ inFlight: 1, perSecond: 100 })
    await expect(budget.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    const next = budget.run(async () => 'next')
    await vi.advanceTimersByTimeAsync(100)
    await expect(next).resolves.toBe('next')
  })
})
