// The server's own spacing of task queries on their way to foxapi, per page and key: each query
// starts at least the page's gap (startGap) after the one before it from the same page. The page spaces its queries already,
// but its queries can be held up on the way here by different amounts (a busy browser or a busy
// server), and then reach foxapi closer together than they left. Spacing the last hop too is
// what keeps foxapi's count within the page's setting.

type Lane = { lastStart: number; tail: Promise<void> }

export type Pacer = (lane: string, gapMs: number) => Promise<void>

/** A lane idle this long is forgotten: no one's next start can be held back by it. */
const FORGET_MS = 60_000

export function createPacer(
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, Math.ceil(ms))),
): Pacer {
  const lanes = new Map<string, Lane>()
  return (name, gapMs) => {
    if (lanes.size > 1000) {
      for (const [other, lane] of lanes) if (now() - lane.lastStart > FORGET_MS) lanes.delete(other)
    }
    const lane = lanes.get(name) ?? { lastStart: -Infinity, tail: Promise.resolve() }
    lanes.set(name, lane)
    // One at a time per lane, each measured from the last real start: a timer that fires late
    // only delays the next start, it never lets two go together.
    const turn = lane.tail.then(async () => {
      // Checked again after each sleep: a timer may fire a fraction of a millisecond early.
      for (let wait = lane.lastStart + gapMs - now(); wait > 0; wait = lane.lastStart + gapMs - now()) await sleep(wait)
      lane.lastStart = now()
    })
    lane.tail = turn
    return turn
  }
}
