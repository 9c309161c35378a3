// Shares one run of an async job among every caller that asks for the same key while it is in flight.

/**
 * Returns a function that, for a key already in flight, hands back the promise of the run under
 * way instead of starting another. Nothing is kept once a run settles, so this coalesces
 * identical work made at the same moment and never serves an old answer: the next call after a
 * settle starts afresh. A rejection reaches every caller that shared the run.
 */
export function createCoalescer<T>(): (key: string, run: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>()
  return function coalesce(key, run) {
    const pending = inFlight.get(key)
    if (pending) return pending
    // Starting from a resolved promise turns a synchronous throw in `run` into a shared rejection,
    // so the entry below is always removed.
    const started = Promise.resolve()
      .then(run)
      .finally(() => inFlight.delete(key))
    inFlight.set(key, started)
    return started
  }
}
