import { afterEach, describe, expect, it, vi } from 'vitest'
import { Busy, createMemoryBudget } from './memory-budget.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('the memory budget', () => {
  it('hands out bytes and query slots up to its bounds, and takes them back once each', async () => {
    const budget = createMemoryBudget({ bytes: 100, queries: 2 })
    const first = await budget.take(60, { slot: true })
    const second = await budget.take(40, { slot: true })
    expect(budget.load()).toEqual({ bytes: 100, queries: 2, waiting: 0 })
    expect(budget.tryTake(1)).toBe(false)
    first()
    first()
    expect(budget.load()).toEqual({ bytes: 40, queries: 1, waiting: 0 })
    second()
    expect(budget.load()).toEqual({ bytes: 0, queries: 0, waiting: 0 })
  })

  it('lets waiters in first come, first served: a large one is not overtaken by small ones', async () => {
    const budget = createMemoryBudget({ bytes: 100 })
    const held = await budget.take(90)
    const order: string[] = []
    const large = budget.take(80).then((giveBack) => order.push('large') && giveBack)
    const small = budget.take(5).then((giveBack) => order.push('small') && giveBack)
    // Room for the small one now, but the large one is ahead of it.
    expect(budget.tryTake(5)).toBe(false)
    await Promise.resolve()
    expect(order).toEqual([])
    held()
    await Promise.all([large, small])
    expect(order).toEqual(['large', 'small'])
    expect(budget.load().bytes).toBe(85)
  })

  it('refuses at once what could never fit, and past the queue', async () => {
    const budget = createMemoryBudget({ bytes: 100, waiting: 1 })
    await expect(budget.take(101)).rejects.toBeInstanceOf(Busy)
    await budget.take(100)
    const waiting = budget.take(1)
    await expect(budget.take(1)).rejects.toMatchObject({ retryAfterSeconds: 2 })
    expect(budget.load().waiting).toBe(1)
    void waiting.catch(() => undefined)
  })

  it('gives up on a wait after its time, and the next in line moves up', async () => {
    vi.useFakeTimers()
    const budget = createMemoryBudget({ bytes: 100, waitMs: 1000 })
    const giveBack = await budget.take(100)
    const timedOut = budget.take(50)
    const result = timedOut.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(999)
    expect(budget.load().waiting).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await result).toBeInstanceOf(Busy)
    expect(budget.load().waiting).toBe(0)
    giveBack()
    expect(budget.load().bytes).toBe(0)
  })

  it('lets a waiter leave when its signal aborts', async () => {
    const budget = createMemoryBudget({ bytes: 10 })
    await budget.take(10)
    const controller = new AbortController()
    const waiting = budget.take(5, { signal: controller.signal })
    controller.abort(new Error('gone'))
    await expect(waiting).rejects.toThrow('gone')
    expect(budget.load().waiting).toBe(0)
  })
})
