// The server's own spacing of task queries on their way to foxapi, per page and key: each query
// leaves at least the last hop's gap (lastHopGap: the page's, and a little more for foxapi's
// clock) after the one before it from the same page left. The page spaces its queries already,
// but they can be held up on the way here by different amounts (a busy browser or a busy
// server), and then reach foxapi closer together than they left. Spacing the last hop too is
// what keeps foxapi's count within the page's setting.
//
// "Left" means written to the socket (wire-time.ts tells), not handed to fetch: opening a
// connection, or a busy moment of the server's own, can hold one query tens of milliseconds longer
// than the next, and a gap measured before that would shrink on the way (decision 0026).
import { MAX_IN_FLIGHT, startGap } from '../src/contract/request-pace.ts'

type Lane = {
  /** When the last query of this lane left (performance.now() time). */
  lastStart: number
  /**
   * The longest gap this lane may yet be asked for: until that has passed since its last query
   * left, forgetting the lane could let the next one go early. A page may slow its pace at any
   * moment, so this starts at the slowest pace a page can ask for.
   */
  longestGap: number
  /** Queries that have not left yet: waiting for their turn, or let go and not yet written out. */
  waiting: number
  /** When the last query already queued will have started, as planned: the basis of Retry-After. */
  plannedEnd: number
  tail: Promise<void>
}

/**
 * Waits for the query's turn in its lane, then gives back `left`: call it the moment the query
 * leaves (or fails to). The lane's next query waits for that, then for the gap after it.
 */
export type Pacer = (lane: string, gapMs: number) => Promise<Left>
/** Marks the moment a query left; calls after the first change nothing. */
export type Left = () => void

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
/**
 * Milliseconds more, in every second, between a page's queries on their way to foxapi than
 * between them as the page starts them. foxapi counts a second on its own clock, which notes each
 * query a little after it was written out, and by an amount that differs from one query to the
 * next: at the fake foxapi on loopback, one browser test at a time, 0.8 ms as a rule, 5.8 ms for
 * one query in a hundred, 17.5 ms at most in 785 (decision 0026).
 * Sent exactly 1000 / N apart, N + 1 queries would fall into one of foxapi's seconds whenever the
 * first of them was noted late and the last on time.
 */
export const GUARD_MS_PER_SECOND = 25

/** The server's gap between a page's queries to foxapi, for the page's `perSecond` setting. */
export function lastHopGap(perSecond: number): number {
  return (startGap(perSecond) * (1000 + GUARD_MS_PER_SECOND)) / 1000
}

/** The gap of the slowest pace a page may set: one query a second. */
const LONGEST_GAP = lastHopGap(1)
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
      lane = { lastStart: -Infinity, longestGap: LONGEST_GAP, waiting: 0, plannedEnd: -Infinity, tail: Promise.resolve() }
    }
    if (lane.waiting >= maxWaiting) return Promise.reject(new PaceFull(secondsUntil(lane.plannedEnd, at), 'queue'))
    lanes.delete(name)
    lanes.set(name, lane)
    lane.longestGap = Math.max(lane.longestGap, gapMs)
    lane.plannedEnd = Math.max(at, lane.plannedEnd + gapMs, lane.lastStart + gapMs)
    lane.waiting += 1
    const current = lane
    // One at a time per lane, each measured from the last real departure: a timer that fires late,
    // or a query slow to leave, only delays the next one, it never lets two go together.
    let markLeft: () => void = () => undefined
    const left = new Promise<void>((resolve) => {
      markLeft = resolve
    })
    const turn = current.tail.then(async () => {
      // Checked again after each sleep: a timer may fire a fraction of a millisecond early.
      for (let wait = current.lastStart + gapMs - now(); wait > 0; wait = current.lastStart + gapMs - now()) await sleep(wait)
      let done = false
      return () => {
        if (done) return
        done = true
        current.lastStart = now()
        current.waiting -= 1
        markLeft()
      }
    })
    current.tail = turn.then(() => left)
    return turn
  }
}
