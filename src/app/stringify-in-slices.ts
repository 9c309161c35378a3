// JSON.stringify's exact text, written a slice at a time with the main thread given back in
// between. The persisted query cache holds an hour's transcript twice over (as sent, and
// normalised): megabytes, 50 ms and more in one JSON.stringify, long enough to stall scrolling.

import { stringifyJson } from '../api/deep-json'
import { whenIdle } from '../lib/when-idle'

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

/** A container being written: an array a batch at a time, or an object an entry at a time. */
type Frame =
  | { kind: 'array'; value: readonly unknown[]; next: number; batchEnd: number }
  | { kind: 'object'; value: object; entries: Array<[string, unknown]>; next: number; first: boolean }

/**
 * Appends the JSON text of `value` to `out`, yielding after each entry of an array or object so
 * the caller can pause between them. Same text as JSON.stringify for plain data (objects,
 * arrays, strings, numbers, booleans, null; toJSON as JSON.stringify calls it with no key).
 * The containers being written are a stack of its own, not the call stack: an answer nested
 * 100,000 levels deep passes foxapi and the schemas, and recursion runs out a few thousand down.
 */
function* write(value: object, out: string[]): Generator<undefined, void> {
  const stack: Frame[] = []
  const onStack = new Set<object>()
  const open = (container: object) => {
    if (onStack.has(container)) throw new TypeError('Converting circular structure to JSON')
    onStack.add(container)
    if (Array.isArray(container)) {
      out.push('[')
      stack.push({ kind: 'array', value: container, next: 0, batchEnd: 0 })
    } else {
      out.push('{')
      stack.push({ kind: 'object', value: container, entries: Object.entries(container), next: 0, first: true })
    }
  }
  open(value)
  for (let frame = stack.at(-1); frame; frame = stack.at(-1)) {
    if (frame.kind === 'array') {
      const list = frame.value
      if (frame.next >= list.length) {
        out.push(']')
        onStack.delete(list)
        stack.pop()
        // The entry this array was, in the one around it, is done.
        if (stack.length > 0) yield
        continue
      }
      if (frame.next >= frame.batchEnd) {
        const start = frame.next
        const batch: unknown[] = list.slice(start, start + BATCH)
        frame.batchEnd = start + batch.length
        if (start > 0) out.push(',')
        // A run of leaves and flat objects (a transcript's words) is written in one call.
        if (batch.every((item) => !isWalkable(item) || isFlat(item))) {
          out.push(stringifyJson(batch)?.slice(1, -1) ?? '')
          frame.next = frame.batchEnd
          yield
          continue
        }
      } else {
        out.push(',')
      }
      const item: unknown = list[frame.next]
      frame.next++
      if (isWalkable(item) && !isFlat(item)) {
        open(item)
        continue
      }
      out.push(isOmitted(item) ? 'null' : (stringifyJson(item) ?? 'null'))
      yield
    } else {
      const entry = frame.entries[frame.next]
      if (!entry) {
        out.push('}')
        onStack.delete(frame.value)
        stack.pop()
        if (stack.length > 0) yield
        continue
      }
      frame.next++
      const [key, item] = entry
      if (isOmitted(item)) continue
      out.push(frame.first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`)
      frame.first = false
      if (isWalkable(item) && !isFlat(item)) {
        open(item)
        continue
      }
      out.push(stringifyJson(item) ?? 'null')
      yield
    }
  }
}

/** JSON.stringify(value), in slices of about `sliceMs` with `pause` between them. */
export async function stringifyInSlices(value: unknown, { sliceMs = 8, firstSliceMs = sliceMs, pause = nextTask, hurry = () => false }: SliceOptions = {}): Promise<string> {
  if (!isWalkable(value) || isFlat(value)) return JSON.stringify(value)
  // Each slice's pieces are joined as it ends, so the last join is of a few strings, not of
  // every word.
  const slices: string[] = []
  const pieces: string[] = []
  let deadline = performance.now() + firstSliceMs
  for (const _ of write(value, pieces)) {
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
    cancel = whenIdle(resume, { timeoutMs })
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
