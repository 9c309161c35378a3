import { describe, expect, it } from 'vitest'
import { createPacer } from './pace.ts'

/** A clock that moves only when told, and a sleep that moves it (by more, when `late`). */
function manualClock() {
  let time = 1_000_000
  let late = 0
  const sleeps: number[] = []
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      time += ms + late
    },
    advance: (ms: number) => {
      time += ms
    },
    setLate: (ms: number) => {
      late = ms
    },
    sleeps,
  }
}

async function startsOf(pace: ReturnType<typeof createPacer>, clock: ReturnType<typeof manualClock>, lanes: string[], gapMs: number) {
  const starts: Array<{ lane: string; at: number }> = []
  await Promise.all(lanes.map((lane) => pace(lane, gapMs).then(() => starts.push({ lane, at: clock.now() }))))
  return starts
}

describe('the server’s pacing', () => {
  it('lets a first query go at once, and spaces a burst by the gap', async () => {
    const clock = manualClock()
    const pace = createPacer(clock.now, clock.sleep)
    const starts = await startsOf(pace, clock, ['a', 'a', 'a', 'a', 'a', 'a'], 250)
    const times = starts.map((start) => start.at - 1_000_000)
    expect(times).toEqual([0, 250, 500, 750, 1000, 1250])
  })

  it('never lets two go together when its timers fire late', async () => {
    const clock = manualClock()
    clock.setLate(180)
    const pace = createPacer(clock.now, clock.sleep)
    const starts = await startsOf(pace, clock, ['a', 'a', 'a', 'a'], 250)
    const gaps = starts.slice(1).map((start, i) => start.at - (starts[i]?.at ?? 0))
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(250)
  })

  it('does not hold back a query that comes after the gap has passed', async () => {
    const clock = manualClock()
    const pace = createPacer(clock.now, clock.sleep)
    await pace('a', 250)
    clock.advance(400)
    await pace('a', 250)
    expect(clock.sleeps).toEqual([])
  })

  it('keeps lanes apart: one key’s queries never wait for another’s', async () => {
    const clock = manualClock()
    const pace = createPacer(clock.now, clock.sleep)
    const starts = await startsOf(pace, clock, ['a', 'b'], 250)
    expect(starts.map((start) => start.at)).toEqual([1_000_000, 1_000_000])
  })
})
