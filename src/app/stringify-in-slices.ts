// JSON.stringify's exact text, written a slice at a time with the main thread given back in
// between. The persisted query cache holds an hour's transcript twice over (as sent, and
// normalised): megabytes, 50 ms and more in one JSON.stringify, long enough to stall scrolling.

/** Gives the main thread back until the next slice may run. */
export type Pause = () => Promise<void>

export type SliceOptions = {
  /** How long one slice may run, in milliseconds. */
  sliceMs?: number
  /** How long the first slice (run at once, before any pause) may run; `sliceMs` unless given. */
  firstSliceMs?: number
  pause?: Pause
  /** Checked before each pause: when true, the rest is written at once (the page is going away). */
  hurry?: () => boolean
}

const nextTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Array entries written by one JSON.stringify call when none of them needs walking into. */
const BATCH = 128

/** JSON.stringify leaves this out of an object, and writes it as null in an array. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

/** Plain data worth walking into; anything else (a leaf, or what has toJSON) goes to JSON.stringify whole. */
function isWalkable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  return !('toJSON' in value && typeof value.toJSON === 'function')
}

/** Holds no object or array: JSON.stringify writes it in one call, faster than walking it. */
function isFlat(value: object): boolean {
  if (Array.isArray(value)) return value.every((item) => typeof item !== 'object' || item === null)
  // for…in, not Object.values: no array made per object, for each of thousands of words.
  for (const key in value) {
    const item: unknown = Reflect.get(value, key)
    if (typeof item === 'object' && item !== null) return false
  }
  return true
}

/**
 * Appends the JSON text of `value` to `out`, yielding after each entry of an array or object so
 * the caller can pause between them. Same text as JSON.stringify for plain data (objects,
 * arrays, strings, numbers, booleans, null; toJSON as JSON.stringify calls it with no key).
 */
function* write(value: object, out: string[], path: Set<object>): Generator<undefined, void> {
  if (path.has(value)) throw new TypeError('Converting circular structure to JSON')
  path.add(value)
  if (Array.isArray(value)) {
    out.push('[')
    for (let start = 0; start < value.length; start += BATCH) {
      const batch: unknown[] = value.slice(start, start + BATCH)
      if (start > 0) out.push(',')
      // A run of leaves and flat objects (a transcript's words) is written in one call.
      if (batch.every((item) => !isWalkable(item) || isFlat(item))) {
        out.push(JSON.stringify(batch).slice(1, -1))
        yield
        continue
      }
      for (const [index, item] of batch.entries()) {
        if (index > 0) out.push(',')
        if (isWalkable(item) && !isFlat(item)) yield* write(item, out, path)
        else out.push(isOmitted(item) ? 'null' : (JSON.stringify(item) ?? 'null'))
        yield
      }
    }
    out.push(']')
  } else {
    out.push('{')
    let first = true
    for (const [key, item] of Object.entries(value)) {
      if (isOmitted(item)) continue
      out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`)
      first = false
      if (isWalkable(item) && !isFlat(item)) yield* write(item, out, path)
      else out.push(JSON.stringify(item) ?? 'null')
      yield
    }
    out.push('}')
  }
  path.delete(value)
}

/** JSON.stringify(value), in slices of about `sliceMs` with `pause` between them. */
export async function stringifyInSlices(value: unknown, { sliceMs = 8, firstSliceMs = sliceMs, pause = nextTask, hurry = () => false }: SliceOptions = {}): Promise<string> {
  if (!isWalkable(value) || isFlat(value)) return JSON.stringify(value)
  // Each slice's pieces are joined as it ends, so the last join is of a few strings, not of
  // every word.
  const slices: string[] = []
  const pieces: string[] = []
  let deadline = performance.now() + firstSliceMs
  for (const _ of write(value, pieces, new Set())) {
    // A step is at most one batch of entries, a fraction of a millisecond: the clock is read after each.
    if (performance.now() < deadline || hurry()) continue
    slices.push(pieces.join(''))
    pieces.length = 0
    await pause()
    deadline = performance.now() + sliceMs
  }
  slices.push(pieces.join(''))
  // The last join copies all of it (megabytes): a slice of its own.
  if (slices.length > 1 && !hurry()) await pause()
  return slices.join('')
}

/** A text long enough (a quarter of a million characters) that copying it costs milliseconds. */
const LARGE_TEXT = 256 * 1024

/** The page is going away or out of sight: what is left is written at once. */
const pageHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'

const waiting = new Set<() => void>()
if (typeof window !== 'undefined') {
  // Hiding the page (a closed tab, a reload, another app) ends every wait, so the write is done
  // while the page can still do it.
  const flush = () => {
    if (!pageHidden()) return
    for (const resume of [...waiting]) resume()
  }
  document.addEventListener('visibilitychange', flush)
  window.addEventListener('pagehide', () => {
    for (const resume of [...waiting]) resume()
  })
}

/** Resolves when the main thread is idle (or after `timeoutMs` at most), at once if the page is hidden. */
function idle(timeoutMs: number): Promise<void> {
  if (pageHidden()) return Promise.resolve()
  return new Promise((resolve) => {
    let cancel = () => {}
    const resume = () => {
      if (!waiting.delete(resume)) return
      cancel()
      resolve()
    }
    waiting.add(resume)
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(resume, { timeout: timeoutMs })
      cancel = () => cancelIdleCallback(handle)
    } else {
      // Safari has no requestIdleCallback: a short timer stands in.
      const timer = setTimeout(resume, Math.min(timeoutMs, 50))
      cancel = () => clearTimeout(timer)
    }
  })
}

/**
 * JSON.stringify(value): what fits in a first 2 ms at once (all of a cache of a few tasks, so it
 * is stored as soon as before), the rest in idle-time slices, so a just-finished hour of
 * transcript is drawn first and stored right after; all at once when the page is hidden.
 */
export async function stringifyWhenIdle(value: unknown): Promise<string> {
  const text = await stringifyInSlices(value, { firstSliceMs: 2, pause: () => idle(100), hurry: pageHidden })
  // Storing a big text copies it once more, in the task that stores it: a slice of its own too.
  if (text.length > LARGE_TEXT) await idle(100)
  return text
}
