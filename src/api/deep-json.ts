// JSON text for a task's answer at any depth. foxapi and the schemas pass an answer nested
// 100,000 levels deep, but JSON.stringify (and anything else that recurses) runs out of stack a
// few thousand levels down; and indentation grows with depth, to gigabytes at that depth.

/**
 * How deep foxwatch draws and indents JSON for people. Deeper, the tree stops drawing and the
 * text is written without indentation (a line 100 levels down is 200 spaces in already).
 */
export const READABLE_DEPTH = 100

/**
 * How many levels of arrays and objects `value` holds (a leaf is 0, `[]` is 1, `[{}]` is 2),
 * walked without recursion. Counting stops past `limit` (so a cycle ends too): then it returns
 * `limit + 1`.
 */
export function jsonDepth(value: unknown, limit: number): number {
  if (typeof value !== 'object' || value === null) return 0
  let deepest = 0
  const values: object[] = [value]
  const depths: number[] = [1]
  for (let next = values.pop(), depth = depths.pop() ?? 0; next; next = values.pop(), depth = depths.pop() ?? 0) {
    if (depth > limit) return limit + 1
    if (depth > deepest) deepest = depth
    for (const child of Object.values(next)) {
      if (typeof child !== 'object' || child === null) continue
      values.push(child)
      depths.push(depth + 1)
    }
  }
  return deepest
}

/** JSON.stringify's `space`: up to ten spaces, or the first ten characters of a string. */
function gapOf(indent: number | string | undefined): string {
  if (typeof indent === 'string') return indent.slice(0, 10)
  if (typeof indent !== 'number' || !(indent >= 1)) return ''
  return ' '.repeat(Math.min(10, Math.floor(indent)))
}

type Prepared = { text: string } | { container: object } | 'omit'

/** One value as JSON.stringify sees it under `key`: toJSON called, boxed primitives unboxed. */
function prepare(sent: unknown, key: string): Prepared {
  let value = sent
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON: unknown = Reflect.get(Object(value), 'toJSON')
    if (typeof toJSON === 'function') value = Reflect.apply(toJSON, value, [key])
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf()
  if (typeof value === 'object' && value !== null) return { container: value }
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'omit'
  // A leaf: the engine's own text (escapes, numbers, and its TypeError for a bigint).
  return { text: JSON.stringify(value) }
}

type Frame = {
  value: object
  keys: readonly string[] | undefined
  length: number
  next: number
  first: boolean
  /** The indentation of this container's entries, and of its closing bracket. */
  indent: string
  outer: string
}

/**
 * JSON.stringify(value, null, indent), with an explicit stack instead of the call stack. Exported
 * so tests can hold it to JSON.stringify on data the engine writes itself.
 */
export function writeJsonIteratively(value: unknown, indent?: number | string): string | undefined {
  const gap = gapOf(indent)
  const top = prepare(value, '')
  if (top === 'omit') return undefined
  if ('text' in top) return top.text
  const out: string[] = []
  const stack: Frame[] = []
  const onStack = new Set<object>()
  const open = (container: object, outer: string) => {
    if (onStack.has(container)) throw new TypeError('Converting circular structure to JSON')
    onStack.add(container)
    const keys = Array.isArray(container) ? undefined : Object.keys(container)
    const length = keys ? keys.length : Array.isArray(container) ? container.length : 0
    out.push(keys ? '{' : '[')
    stack.push({ value: container, keys, length, next: 0, first: true, indent: outer + gap, outer })
  }
  open(top.container, '')
  for (let frame = stack.at(-1); frame; frame = stack.at(-1)) {
    if (frame.next >= frame.length) {
      const closing = frame.keys ? '}' : ']'
      out.push(frame.first || gap === '' ? closing : `\n${frame.outer}${closing}`)
      onStack.delete(frame.value)
      stack.pop()
      continue
    }
    const key = frame.keys ? (frame.keys[frame.next] ?? '') : String(frame.next)
    frame.next++
    const item = prepare(Reflect.get(frame.value, key), key)
    // An object leaves out what JSON cannot hold; an array writes null in its place.
    if (item === 'omit' && frame.keys) continue
    out.push(frame.first ? (gap ? `\n${frame.indent}` : '') : gap ? `,\n${frame.indent}` : ',')
    frame.first = false
    if (frame.keys) out.push(gap ? `${JSON.stringify(key)}: ` : `${JSON.stringify(key)}:`)
    if (item === 'omit') out.push('null')
    else if ('text' in item) out.push(item.text)
    else open(item.container, frame.indent)
  }
  return out.join('')
}

/**
 * JSON.stringify(value, null, indent) at any depth. The engine's own, where it can (faster by
 * far); where it runs out of stack (a RangeError in Chromium and Safari, an InternalError in
 * Firefox), the same text written without recursion, which also meets a real fault (a cycle, a
 * bigint) with JSON.stringify's own TypeError. Indentation at a great depth is gigabytes: text
 * for people comes from readableJson.
 */
export function stringifyJson(value: unknown, indent?: number | string): string | undefined {
  try {
    return JSON.stringify(value, null, indent)
  } catch {
    return writeJsonIteratively(value, indent)
  }
}

export type ReadableJson = {
  text: string
  /** False when the value is nested deeper than READABLE_DEPTH, and so written on one line. */
  indented: boolean
}

/** A value as JSON for people: indented by two spaces, or on one line when too deep for that. */
export function readableJson(value: unknown): ReadableJson {
  const indented = jsonDepth(value, READABLE_DEPTH) <= READABLE_DEPTH
  return { text: stringifyJson(value, indented ? 2 : undefined) ?? String(value), indented }
}
