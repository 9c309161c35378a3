// What the benchmarks share: waiting for a foxwatch server they started, and summing up runs.

/** Resolves once the server at `base` answers; fails after `timeoutMs`. */
export async function waitForServer(base: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if ((await fetch(`${base}/api/config`)).ok) return
    } catch {
      if (Date.now() > deadline) throw new Error(`the foxwatch server at ${base} did not start within ${timeoutMs / 1000} s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The middle value, and the extremes, of a set of runs. */
export function spread(values: readonly number[]): { median: number; min: number; max: number } {
  const sorted = values.toSorted((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN }
}
