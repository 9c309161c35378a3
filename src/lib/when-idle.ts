// Work for when the main thread has nothing better to do: the one place the page asks for idle
// time. Where there is no requestIdleCallback (Safari), a short timer stands in.

type IdleOptions = {
  /** Run by then at the latest, idle or not (requestIdleCallback's own `timeout`). */
  timeoutMs?: number
}

/** The longest a stand-in timer waits where the browser cannot say when it is idle. */
const STAND_IN_MS = 50

/** Runs `work` when the main thread is next idle; returns what cancels it. */
export function whenIdle(work: () => void, { timeoutMs }: IdleOptions = {}): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(work, Math.min(timeoutMs ?? 0, STAND_IN_MS))
    return () => clearTimeout(timer)
  }
  const handle = requestIdleCallback(work, timeoutMs === undefined ? undefined : { timeout: timeoutMs })
  return () => cancelIdleCallback(handle)
}
