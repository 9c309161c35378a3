import { describe, expect, it, vi } from 'vitest'
import { onDemand } from './on-demand'

describe('a function on demand', () => {
  it('answers with a promise until it has come, then at once', async () => {
    const load = vi.fn(async () => (text: string) => text.length)
    const length = onDemand(load)
    const first = length.call('abc')
    expect(first).toBeInstanceOf(Promise)
    await expect(first).resolves.toBe(3)
    expect(length.call('abcd')).toBe(4)
    length.preload()
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('is fetched by a hint before it is wanted', async () => {
    const length = onDemand(async () => (text: string) => text.length)
    length.preload()
    await vi.waitFor(() => expect(length.call('ab')).toBe(2))
  })

  it('that cannot come rejects the call, and the next call tries again', async () => {
    let up = false
    const length = onDemand(async () => {
      if (!up) throw new TypeError('Failed to fetch dynamically imported module')
      return (text: string) => text.length
    })
    await expect(length.call('abc')).rejects.toThrow(TypeError)
    up = true
    await expect(length.call('abc')).resolves.toBe(3)
  })
})
