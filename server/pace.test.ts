import { describe, expect, it } from 'vitest'
import { createPacer, lastHopGap, MAX_LANES, MAX_WAITING, PaceFull, type Pacer } from './pace.ts'

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

type Paced = (lane: string, gapMs: number) => Promise<void>

/** A pacer whose queries leave the moment their turn comes, as they do unless a connection is slow. */
function leavingAtOnce(pace: Pacer): Paced {
  return (lane, gapMs) => pace(lane, gapMs).then((left) => left())
}

async function startsOf(pace: Paced, clock: ReturnType<typeof manualClock>, lanes: string[], gapMs: number) {
  const starts: Array<{ lane: string; at: number }> = []
  await Promise.all(lanes.map((lane) => pace(lane, gapMs).then(() => starts.push({ lane, at: clock.now() }))))
  return starts
}

describe('the server’s pacing', () => {
  it('lets a first query go at once, and spaces a burst by the gap', async () => {
    const clock = manualClock()
    const pace = leavingAtOnce(createPacer(clock.now, clock.sleep))
    const starts = await startsOf(pace, clock, ['a', 'a', 'a', 'a', 'a', 'a'], 250)
    const times = starts.map((start) => start.at - 1_000_000)
    expect(times).toEqual([0, 250, 500, 750, 1000, 1250])
  })

  it('never lets two go together when its timers fire late', async () => {
    const clock = manualClock()
    clock.setLate(180)
    const pace = leavingAtOnce(createPacer(clock.now, clock.sleep))
    const starts = await startsOf(pace, clock, ['a', 'a', 'a', 'a'], 250)
    const gaps = starts.slice(1).map((start, i) => start.at - (starts[i]?.at ?? 0))
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(250)
  })

  it('does not hold back a query that comes after the gap has passed', async () => {
    const clock = manualClock()
    const pace = leavingAtOnce(createPacer(clock.now, clock.sleep))
    await pace('a', 250)
    clock.advance(400)
    await pace('a', 250)
    expect(clock.sleeps).toEqual([])
  })

  it('measures each gap from when the query before left, not from when its turn came', async () => {
    const clock = manualClock()
    const pace = createPacer(clock.now, clock.sleep)
    const first = await pace('a', 200)
    // A new connection to foxapi: the first query takes 40 ms to get out.
    clock.advance(40)
    first()
    const second = await pace('a', 200)
    expect(clock.now() - 1_000_000).toBe(240)
    second()
  })

  it('holds a lane’s next query until the one before has left', async () => {
    const clock = manualClock()
    const pace = createPacer(clock.now, clock.sleep)
    const first = await pace('a', 200)
    let turn = false
    const next = pace('a', 200).then((left) => {
      turn = true
      return left
    })
    clock.advance(1000)
    await new Promise((resolve) => setImmediate(resolve))
    expect(turn).toBe(false)
    first()
    ;(await next)()
    expect(turn).toBe(true)
  })

  it('keeps lanes apart: one key’s queries never wait for another’s', async () => {
    const clock = manualClock()
    const pace = leavingAtOnce(createPacer(clock.now, clock.sleep))
    const starts = await startsOf(pace, clock, ['a', 'b'], 250)
    expect(starts.map((start) => start.at)).toEqual([1_000_000, 1_000_000])
  })

  it('keeps a page’s lane when it slows down: the slower gap counts from the last query that left', async () => {
    const clock = manualClock()
    const pace = leavingAtOnce(createPacer(clock.now, clock.sleep))
    await pace('a', 200)
    // 400 ms on, the page has set one query a second: its next query waits for the rest of it.
    clock.advance(400)
    await pace('a', 1000)
    expect(clock.now() - 1_000_000).toBe(1000)
  })
})

describe('the server’s pacing, bounded', () => {
  it(`holds at most ${MAX_WAITING} queries waiting in one lane, and tells the next when the queue will have emptied`, async () => {
    const clock = manualClock()
    const pace = leavingAtOnce(createPacer(clock.now, clock.sleep))
    const queued = Array.from({ length: MAX_WAITING }, () => pace('a', 1250))
    const refused = await pace('a', 1250).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(PaceFull)
    // The sixteenth starts 15 gaps after the first: 18.75 s.
    expect(refused).toMatchObject({ bound: 'queue', retryAfterSeconds: 19 })
    // Another page is not held back by it.
    await pace('b', 1250)
    await Promise.all(queued)
    expect(clock.now() - 1_000_000).toBe(15 * 1250)
    clock.advance(1250)
    await pace('a', 1250)
  })

  it(`keeps at most ${MAX_LANES} lanes: a new one waits, with a Retry-After, until the oldest is idle`, async () => {
    const clock = manualClock()
    const pace = leavingAtOnce(createPacer(clock.now, clock.sleep))
    await Promise.all(Array.from({ length: MAX_LANES }, (_, i) => pace(`page-${i}`, 250)))
    const refused = await pace('one-too-many', 250).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(PaceFull)
    // Free once the slowest pace's gap has passed since its last query: a second and a little more.
    expect(refused).toMatchObject({ bound: 'lanes', retryAfterSeconds: Math.ceil(lastHopGap(1) / 1000) })
    // Lanes it already has still go.
    await pace('page-7', 250)
    // The oldest lane may be forgotten once the slowest pace's gap has passed since it was used.
    clock.advance(lastHopGap(1))
    await pace('one-too-many', 250)
  })

  it('forgets an idle lane, so it holds no one back, and the next start of that lane is not delayed', async () => {
    const clock = manualClock()
    const pace = leavingAtOnce(createPacer(clock.now, clock.sleep, { maxLanes: 2 }))
    await pace('a', 250)
    await pace('b', 250)
    // Once the slowest pace's gap has passed, "a" and "b" are idle, whatever pace they ask for
    // next: a third lane takes the place of one.
    clock.advance(lastHopGap(1))
    await pace('c', 250)
    await pace('a', 250)
    expect(clock.sleeps).toEqual([])
  })

  it('does the same small work per query however many lanes it holds (no look through them all)', async () => {
    let reads = 0
    const clock = manualClock()
    const counted = () => {
      reads += 1
      return clock.now()
    }
    const pace = leavingAtOnce(createPacer(counted, clock.sleep))
    for (let i = 0; i < 5000; i++) await pace(`page-${i}`, 250)
    reads = 0
    await pace('page-5000', 250)
    await pace('page-3', 250)
    expect(reads).toBeLessThan(10)
  })

  it('never forgets a lane whose query has yet to start, however many lanes it holds', async () => {
    const clock = manualClock()
    const pace = leavingAtOnce(createPacer(clock.now, clock.sleep))
    for (let i = 0; i < 1001; i++) await pace(`page-${i}`, 250)
    clock.advance(1000)
    const starts = await startsOf(pace, clock, ['x', 'y', 'x'], 250)
    expect(starts.filter((start) => start.lane === 'x').map((start) => start.at - clock.now())).toEqual([-250, 0])
  })
})
