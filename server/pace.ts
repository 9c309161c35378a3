// The server's own spacing of task queries on their way to foxapi, per page and key: each query
// starts at least the page's gap (startGap) after the one before it from the same page. The page spaces its queries already,
// but its queries can be held up on the way here by different amounts (a busy browser or a busy
// server), and then reach foxapi closer together than they left. Spacing the last hop too is
// what keeps foxapi's count within the page's setting.
import { MAX_IN_FLIGHT } from '../src/contract/request-pace.ts'

type Lane = {
  /** When the last query of this lane started (performance.now() time). */
  lastStart: number
  /** The longest gap this lane has been asked for: until that has passed, forgetting it could let a query go early. */
  longestGap: number
  /** Queries waiting for their start. */
  waiting: number
  /** When the last query already queued will have started, as planned: the basis of Retry-After. */
  plannedEnd: number
  tail: Promise<void>
}

export type Pacer = (lane: string, gapMs: number) => Promise<void>

/**
 * The pacer's refusal: the lane's queue, or the number of lanes, is at its bound. The query was
 * not queued; it may be tried again in `retryAfterSeconds`.
 */
export class PaceFull extends Error {
  override name = 'PaceFull'
  /** Whole seconds, at least 1: the value for a Retry-After header. */
  readonly retryAfterSeconds: number
  readonly bound: 'queue' | 'lanes'
  constructor(retryAfterSeconds: number, bound: 'queue' | 'lanes') {
    super(bound === 'queue'
      ? `Too many of this page's task queries are waiting for their turn; try again in ${retryAfterSeconds} s.`
      : `foxwatch is pacing too many pages at once; try again in ${retryAfterSeconds} s.`)
    this.retryAfterSeconds = retryAfterSeconds
    this.bound = bound
  }
}

/**
 * Queries one lane may hold waiting. The page keeps at most MAX_IN_FLIGHT in flight (its
 * maxInFlight setting), so a page of ours never meets this; only a caller ignoring its own pace does.
 */
export const MAX_WAITING = MAX_IN_FLIGHT
/** Lanes kept at once, each a key and a page load: past this, a new lane must wait for an old one to fall idle. */
export const MAX_LANES = 10_000

export function createPacer(
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, Math.ceil(ms))),
  { maxWaiting = MAX_WAITING, maxLanes = MAX_LANES }: { maxWaiting?: number; maxLanes?: number } = {},
): Pacer {
  // In order of last use (each call moves its lane to the end), so the lanes that may be idle are
  // at the front: forgetting them never means looking through the rest.
  const lanes = new Map<string, Lane>()
  const idle = (lane: Lane, at: number) => lane.waiting === 0 && at - lane.lastStart >= lane.longestGap
  const secondsUntil = (time: number, at: number) => Math.max(1, Math.ceil((time - at) / 1000))

  return (name, gapMs) => {
    const at = now()
    for (const [other, lane] of lanes) {
      if (!idle(lane, at)) break
      lanes.delete(other)
    }
    let lane = lanes.get(name)
    if (!lane) {
      if (lanes.size >= maxLanes) {
        // Idle lanes were forgotten from the front just now, up to the least recently used one
        // still busy: that is the next to go, so the caller is told when it will.
        const oldest = lanes.values().next()
        const freeAt = oldest.done ? at : Math.max(oldest.value.plannedEnd, oldest.value.lastStart) + oldest.value.longestGap
        return Promise.reject(new PaceFull(secondsUntil(freeAt, at), 'lanes'))
      }
      lane = { lastStart: -Infinity, longestGap: 0, waiting: 0, plannedEnd: -Infinity, tail: Promise.resolve() }
    }
    if (lane.waiting >= maxWaiting) return Promise.reject(new PaceFull(secondsUntil(lane.plannedEnd, at), 'queue'))
    lanes.delete(name)
    lanes.set(name, lane)
    lane.longestGap = Math.max(lane.longestGap, gapMs)
    lane.plannedEnd = Math.max(at, lane.plannedEnd + gapMs, lane.lastStart + gapMs)
    lane.waiting += 1
    const current = lane
    // One at a time per lane, each measured from the last real start: a timer that fires late
    // only delays the next start, it never lets two go together.
    const turn = current.tail.then(async () => {
      // Checked again after each sleep: a timer may fire a fraction of a millisecond early.
      for (let wait = current.lastStart + gapMs - now(); wait > 0; wait = current.lastStart + gapMs - now()) await sleep(wait)
      current.lastStart = now()
      current.waiting -= 1
    })
    current.tail = turn
    return turn
  }
}
