// One bound on what the server holds in memory at once: the task answers it has read from foxapi
// and not yet handed on, and the Save all plans it is reading. Twenty distinct 30 MB answers in
// flight once took the server to 1.4 GB; with every buffered byte taken from this budget first,
// the server's peak is its own size plus the budget, whatever is asked of it.

/** Thrown when the budget is spent and the wait for it is over: the caller answers 503. */
export class Busy extends Error {
  readonly retryAfterSeconds: number
  constructor(retryAfterSeconds: number) {
    super('foxwatch is busy')
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export type BudgetLimits = {
  /** Bytes held at once, across every request. */
  bytes: number
  /** Upstream queries in flight at once. */
  queries: number
  /** Callers that may wait for a turn; past it, Busy at once. */
  waiting: number
  /** How long a caller waits for a turn before Busy. */
  waitMs: number
}

export const BUDGET_LIMITS: BudgetLimits = { bytes: 48 * 1024 * 1024, queries: 32, waiting: 512, waitMs: 10_000 }

/** Seconds a refused caller is told to wait: long enough for a few large answers to drain. */
const RETRY_AFTER_SECONDS = 2

type Waiter = { bytes: number; slot: boolean; grant: () => void }

export type MemoryBudget = {
  /**
   * Waits (first come, first served) until `bytes` fit and, with `slot`, a query slot is free;
   * throws Busy past the wait. Resolves to the function that gives them back (once).
   */
  take(bytes: number, options?: { slot?: boolean; signal?: AbortSignal }): Promise<() => void>
  /** Takes `bytes` only if they fit now, with no one waiting ahead: for bodies read a chunk at a time. */
  tryTake(bytes: number): boolean
  give(bytes: number): void
  /** What is held and waiting now, for tests and benchmarks. */
  load(): { bytes: number; queries: number; waiting: number }
}

export function createMemoryBudget(given: Partial<BudgetLimits> = {}): MemoryBudget {
  const limits = { ...BUDGET_LIMITS, ...given }
  let bytesHeld = 0
  let queriesHeld = 0
  const queue: Waiter[] = []

  const fits = (bytes: number, slot: boolean) =>
    bytesHeld + bytes <= limits.bytes && (!slot || queriesHeld < limits.queries)

  function grantWaiters() {
    // In order: a large answer at the head is not overtaken forever by small ones behind it.
    for (let head = queue[0]; head && fits(head.bytes, head.slot); head = queue[0]) {
      queue.shift()
      head.grant()
    }
  }

  function give(bytes: number) {
    bytesHeld = Math.max(0, bytesHeld - bytes)
    grantWaiters()
  }

  return {
    take(bytes, { slot = false, signal } = {}) {
      // An answer larger than the whole budget could never fit: refuse it rather than wait.
      if (bytes > limits.bytes) return Promise.reject(new Busy(RETRY_AFTER_SECONDS))
      const taken = () => {
        bytesHeld += bytes
        if (slot) queriesHeld++
        let given = false
        return () => {
          if (given) return
          given = true
          if (slot) queriesHeld--
          give(bytes)
        }
      }
      if (queue.length === 0 && fits(bytes, slot)) return Promise.resolve(taken())
      if (queue.length >= limits.waiting) return Promise.reject(new Busy(RETRY_AFTER_SECONDS))
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          bytes,
          slot,
          grant: () => {
            clearTimeout(timer)
            signal?.removeEventListener('abort', abandon)
            resolve(taken())
          },
        }
        const leave = (reason: unknown) => {
          const at = queue.indexOf(waiter)
          if (at >= 0) queue.splice(at, 1)
          signal?.removeEventListener('abort', abandon)
          // Whoever waited behind this one may fit now.
          grantWaiters()
          reject(reason)
        }
        const abandon = () => {
          clearTimeout(timer)
          leave(signal?.reason)
        }
        const timer = setTimeout(() => leave(new Busy(RETRY_AFTER_SECONDS)), limits.waitMs)
        signal?.addEventListener('abort', abandon, { once: true })
        queue.push(waiter)
      })
    },
    tryTake(bytes) {
      if (queue.length > 0 || !fits(bytes, false)) return false
      bytesHeld += bytes
      return true
    },
    give,
    load: () => ({ bytes: bytesHeld, queries: queriesHeld, waiting: queue.length }),
  }
}
