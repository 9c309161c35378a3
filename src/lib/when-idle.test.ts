import { afterEach, describe, expect, it, vi } from 'vitest'
import { whenIdle } from './when-idle'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('idle-time work', () => {
  it('asks the browser for idle time, passing the latest moment on, and can be called off', () => {
    const asked: Array<{ timeout?: number } | undefined> = []
    const cancelled: number[] = []
    vi.stubGlobal('requestIdleCallback', (_work: () => void, options?: { timeout?: number }) => asked.push(options))
    vi.stubGlobal('cancelIdleCallback', (handle: number) => cancelled.push(handle))
    whenIdle(() => undefined)
    const cancel = whenIdle(() => undefined, { timeoutMs: 100 })
    cancel()
    expect(asked).toEqual([undefined, { timeout: 100 }])
    expect(cancelled).toEqual([2])
  })

  it('stands in with a short timer where the browser has no idle callback', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestIdleCallback', undefined)
    const ran: string[] = []
    whenIdle(() => ran.push('soon'))
    whenIdle(() => ran.push('by 50 ms'), { timeoutMs: 1000 })
    const cancel = whenIdle(() => ran.push('never'), { timeoutMs: 10 })
    cancel()
    vi.advanceTimersByTime(0)
    expect(ran).toEqual(['soon'])
    vi.advanceTimersByTime(50)
    expect(ran).toEqual(['soon', 'by 50 ms'])
  })
})
