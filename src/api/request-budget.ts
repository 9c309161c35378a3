// A cap on task queries: at most `inFlight` at once and `perSecond` started in any second,
// whatever number of tasks is watched. Waiters are served first come, first served: a task asks
// again only after its last answer, so the queue takes turns between tasks by itself.

export type BudgetLimits = { inFlight: number; perSecond: number }

/**
 * The "second" is stretched by this much: queries pass through the foxwatch server on their way,
 * and its forwarding time varies, so starts spaced by exactly a second here could land closer
 * together at foxapi. The slack keeps foxapi's own count within the limit.
 */
const WINDOW_MS = 1000 + 250

type Waiter = { start: () => void; fail: (reason: unknown) => void }

export type RequestBudget = {
  run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T>
  /** Queries running and waiting now, for tests and a status line. */
  load(): { active: number; waiting: number }
}

/** `limits` may be a function, read at every turn, so a changed setting applies at once. */
export function createRequestBudget(limitsOf: BudgetLimits | (() => BudgetLimits), now: () => number = () => Date.now()): RequestBudget {
  const queue: Waiter[] = []
  const started: number[] = []
  let active = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function pump() {
    const limits = typeof limitsOf === 'function' ? limitsOf() : limitsOf
    while (queue.length > 0 && active < limits.inFlight) {
      const time = now()
      while (started.length > 0 && (started[0] ?? 0) <= time - WINDOW_MS) started.shift()
      if (started.length >= limits.perSecond) {
        // The oldest start in the window leaves it at this moment; try again then.
        if (timer === undefined) {
          timer = setTimeout(() => {
            timer = undefined
            pump()
          }, (started[0] ?? time) + WINDOW_MS - time)
        }
        return
      }
      const next = queue.shift()
      if (!next) return
      active++
      started.push(time)
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
