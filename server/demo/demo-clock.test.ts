import { describe, expect, it } from 'vitest'
import { wallDemoClock } from './demo-clock.ts'

describe('the demo’s wall clock', () => {
  it('starts a task at its first query and runs it at the pace', () => {
    let time = 1_000_000
    const clock = wallDemoClock({ pace: 5, now: () => time })
    expect(clock.timeOf('demo-image-a')).toEqual({ startedAt: 1_000_000, elapsedMs: 0, pace: 5 })
    time += 300
    expect(clock.timeOf('demo-image-a')).toEqual({ startedAt: 1_000_000, elapsedMs: 1500, pace: 5 })
    expect(clock.timeOf('demo-image-b')).toEqual({ startedAt: 1_000_300, elapsedMs: 0, pace: 5 })
  })

  it('remembers at most `capacity` tasks, forgetting the oldest first', () => {
    let time = 0
    const clock = wallDemoClock({ pace: 1, now: () => time, capacity: 2 })
    clock.timeOf('a')
    time = 10
    clock.timeOf('b')
    clock.timeOf('c')
    time = 20
    // "a" was forgotten, so it starts again; "c" is still remembered.
    expect(clock.timeOf('a').startedAt).toBe(20)
    expect(clock.timeOf('c').startedAt).toBe(10)
  })
})
