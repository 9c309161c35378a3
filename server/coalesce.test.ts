import { describe, expect, it } from 'vitest'
import { createCoalescer } from './coalesce.ts'

/** A promise the test settles by hand, so runs stay in flight for as long as it needs. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  let reject: (reason: unknown) => void = () => undefined
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('createCoalescer', () => {
  it('runs once for callers of one key in flight together, and gives each the result', async () => {
    const coalesce = createCoalescer<string>()
    const gate = deferred<string>()
    let runs = 0
    const run = () => {
      runs += 1
      return gate.promise
    }
    const waiting = Array.from({ length: 5 }, () => coalesce('a', run))
    gate.resolve('answer')
    expect(await Promise.all(waiting)).toEqual(Array(5).fill('answer'))
    expect(runs).toBe(1)
  })

  it('runs separately for different keys', async () => {
    const coalesce = createCoalescer<string>()
    const results = await Promise.all([coalesce('a', async () => 'for a'), coalesce('b', async () => 'for b')])
    expect(results).toEqual(['for a', 'for b'])
  })

  it('keeps nothing once a run settles: the next call runs again', async () => {
    const coalesce = createCoalescer<number>()
    let runs = 0
    const run = async () => ++runs
    expect(await coalesce('a', run)).toBe(1)
    expect(await coalesce('a', run)).toBe(2)
  })

  it('gives a rejection to every caller, then forgets it', async () => {
    const coalesce = createCoalescer<string>()
    const gate = deferred<string>()
    const waiting = [coalesce('a', () => gate.promise), coalesce('a', async () => 'never run')]
    gate.reject(new Error('upstream gone'))
    for (const result of await Promise.allSettled(waiting)) {
      expect(result).toMatchObject({ status: 'rejected', reason: new Error('upstream gone') })
    }
    expect(await coalesce('a', async () => 'fresh')).toBe('fresh')
  })

  it('shares a synchronous throw as a rejection and forgets it too', async () => {
    const coalesce = createCoalescer<string>()
    const boom = () => {
      throw new Error('boom')
    }
    await expect(coalesce('a', boom)).rejects.toThrow('boom')
    expect(await coalesce('a', async () => 'fresh')).toBe('fresh')
  })
})
