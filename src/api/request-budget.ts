// A cap on task queries: at most `inFlight` at once and `perSecond` started in any second,
// whatever number of tasks is watched. Starts are spaced evenly rather than let out in bursts
// (request-pace.ts), and the server spaces its forwarding the same way, so foxapi's own count
// holds even when the way there delays some queries more than others. Waiters are
// served first come, first served: a task asks again only after its last answer, so the queue
// takes turns between tasks by itself.
import { startGap } from '../contract/request-pace'

export type BudgetLimits = { inFlight: number; perSecond: number }

type Waiter = { start: () => void; fail: (reason: unknown) => void }

export type RequestBudget = {
  run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T>
  /** Queries running and waiting now, for tests and a status line. */
  load(): { active: number; waiting: number }
}

/** `limits` may be a function, read at every turn, so a changed setting applies at once. */
export function createRequestBudget(limitsOf: BudgetLimits | (() => BudgetLimits), now: () => number = () => Date.now()): RequestBudget {
  const queue: Waiter[] = []
  let lastStart = -Infinity
  let active = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function pump() {
    const limits = typeof limitsOf === 'function' ? limitsOf() : limitsOf
    while (queue.length > 0 && active < limits.inFlight) {
      const time = now()
      const wait = lastStart + startGap(limits.perSecond) - time
      if (wait > 0) {
        // Too soon after the last start; the next may go then.
        if (timer === undefined) {
          timer = setTimeout(() => {
            timer = undefined
            pump()
          }, wait)
        }
        return
      }
      const next = queue.shift()
      if (!next) return
      active++
      lastStart = time
      next.start()
    }
  }

  function slot(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const waiter: Waiter = { start: resolve, fail: reject }
      queue.push(waiter)
      signal?.addEventListener('abort', () => {
        const at = queue.indexOf(waiter)
        if (at >= 0) {
          queue.splice(at, 1)
          reject(signal.reason)
        }
      }, { once: true })
      pump()
    })
  }

  return {
    async run(work, signal) {
      await slot(signal)
      try {
        return await work()
      } finally {
        active--
        pump()
      }
    },
    load: () => ({ active, waiting: queue.length }),
  }
}
