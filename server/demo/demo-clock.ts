// How far along each demo task is. A demo task lives from its first query on a clock of its own:
// the wall clock, sped up by FOXWATCH_DEMO_PACE, when foxwatch runs; a clock the test steps when
// the browser tests run (e2e/demo-clock.ts).

export type DemoTime = {
  /** When the task was first asked about (ms since the epoch): its `created`. */
  startedAt: number
  /** Milliseconds of the task's life so far, on the demo's clock. */
  elapsedMs: number
  /** How much faster than real time the task's clock runs: foxapi's estimates shrink by as much. */
  pace: number
}

export type DemoClock = {
  /** The task's time; the first call for an ID starts its clock. */
  timeOf(taskId: string): DemoTime
}

type WallOptions = {
  /** >1 runs every task faster. */
  pace: number
  now?: () => number
  /** How many distinct IDs to remember before forgetting the oldest. */
  capacity?: number
}

export function wallDemoClock({ pace, now = Date.now, capacity = 10_000 }: WallOptions): DemoClock {
  const firstSeen = new Map<string, number>()

  function startedAt(taskId: string): number {
    const seen = firstSeen.get(taskId)
    if (seen !== undefined) return seen
    const start = now()
    firstSeen.set(taskId, start)
    if (firstSeen.size > capacity) {
      const oldest = firstSeen.keys().next()
      if (!oldest.done) firstSeen.delete(oldest.value)
    }
    return start
  }

  return {
    timeOf(taskId) {
      const start = startedAt(taskId)
      return { startedAt: start, elapsedMs: (now() - start) * pace, pace }
    },
  }
}
