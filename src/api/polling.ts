// When to ask foxapi about a task next: a pure policy. React Query's refetchInterval only calls it.
import { STOPS_POLLING } from './problem-kinds'
import { isSettled } from './status'
import type { TaskWatch } from './task-watch'

export const POLICY = {
  /**
   * The gap after an answer is `ageFactor` of the task's age (since `created`, or since its first
   * answer here), at least `youngMs` and at most `steadyMs`: a task a few seconds old is asked
   * every 1.5 s, a task a minute old every 8 s. The cost of a task grows with the log of its
   * length, and a finish is noticed after about a tenth of the task's age on average (decision 0005).
   */
  youngMs: 1500,
  ageFactor: 0.2,
  steadyMs: 8000,
  /** A task younger than `newbornMs` is asked again after `firstMs`: the quickest tasks end there. */
  newbornMs: 2000,
  /** Before any answer, for a newborn task, and the first step of the backoff. */
  firstMs: 1000,
  /** While foxapi's own estimate says the task has far to go, never wait longer than this. */
  estimateCapMs: 10_000,
  estimateStretch: 2,
  /** Backoff after failures: doubles from firstMs, capped here. */
  backoffCapMs: 30_000,
  /** A hidden tab keeps polling at a slower pace, so a finish is still noticed. */
  hiddenMinMs: 10_000,
  hiddenFactor: 3,
  hiddenCapMs: 30_000,
} as const

export type PollInput = {
  watch: TaskWatch | undefined
  hidden: boolean
  now: number
  /** A number in [0, 1): the jitter source, passed in so the policy stays pure. */
  random: number
}

/** True once no query can change what is known: the task settled, or a problem needs the person. */
export function isWatchOver(watch: TaskWatch | undefined): boolean {
  if (!watch) return false
  if (watch.problem) return STOPS_POLLING[watch.problem.kind]
  return watch.task !== undefined && isSettled(watch.task.status)
}

/**
 * The delay for a watch as it stands, measured from its latest answer or failure: the same value
 * however often it is asked. React Query restarts its refetch timer whenever the interval it is
 * given changes, so a value that moved with the wall clock or a fresh random number would restart
 * it on every render, and a list that re-renders each second would never poll again.
 */
export function pollDelayFor(watch: TaskWatch | undefined, hidden: boolean): number | false {
  return nextPollDelay({ watch, hidden, now: watch?.updatedAt ?? 0, random: watch ? jitterOf(watch) : 0 })
}

/**
 * A number in [0, 1) fixed by when the latest query finished: different for every query and
 * every tab (so retries don't fall in step), the same each time it is asked (mulberry32's mix).
 */
export function jitterOf(watch: TaskWatch): number {
  let t = (watch.updatedAt + watch.failures * 0x6d2b79f5) | 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** Milliseconds until the next query, or false for none at all. */
export function nextPollDelay({ watch, hidden, now, random }: PollInput): number | false {
  if (!watch) return POLICY.firstMs
  if (isWatchOver(watch)) return false
  const delay = watch.problem ? backoff(watch, random) : afterAnswer(watch, now)
  const paced = hidden ? Math.min(POLICY.hiddenCapMs, Math.max(POLICY.hiddenMinMs, delay * POLICY.hiddenFactor)) : delay
  // foxapi's own Retry-After is a floor that no pace, hidden or not, may go under.
  return Math.max(paced, retryAfterMs(watch))
}

function afterAnswer(watch: TaskWatch, now: number): number {
  const task = watch.task
  if (!task) return POLICY.firstMs
  const since = task.createdAt ?? watch.history[0]?.at ?? now
  // A `created` ahead of this clock counts as a task just begun.
  const age = Math.max(0, now - since)
  const base = age < POLICY.newbornMs ? POLICY.firstMs : Math.min(POLICY.steadyMs, Math.max(POLICY.youngMs, age * POLICY.ageFactor))
  if (task.estimatedSeconds !== undefined && task.createdAt !== undefined) {
    const remaining = task.createdAt + task.estimatedSeconds * 1000 - now
    // Far from foxapi's estimate, up to twice the usual gap (a third of the time left at most);
    // near it or past it, the usual pace.
    return Math.round(Math.max(base, Math.min(remaining / 3, POLICY.estimateCapMs, base * POLICY.estimateStretch)))
  }
  return Math.round(base)
}

function backoff(watch: TaskWatch, random: number): number {
  const exponential = Math.min(POLICY.backoffCapMs, POLICY.firstMs * 2 ** Math.max(0, watch.failures - 1))
  // "Equal jitter": half the delay is fixed, half random, so many tabs don't retry in step.
  return Math.round(exponential / 2 + (exponential / 2) * random)
}

/** How long foxapi asked foxwatch to wait after the last answer (Retry-After), in ms. */
export function retryAfterMs(watch: TaskWatch): number {
  const problem = watch.problem
  const seconds = problem?.kind === 'rate-limited' || problem?.kind === 'upstream' || problem?.kind === 'busy' ? problem.retryAfterSeconds : undefined
  return (seconds ?? 0) * 1000
}
