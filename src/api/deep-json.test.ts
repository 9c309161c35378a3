import { describe, expect, it } from 'vitest'
import { READABLE_DEPTH, jsonDepth, readableJson, stringifyJson, writeJsonIteratively } from './deep-json'

/** Far deeper than JSON.stringify can go (it runs out of stack a few thousand levels down). */
const DEPTH = 100_000

/** `{"next":{"next":…null…}}`, `levels` objects deep, and its text, both made without recursion. */
function nested(levels: number): { value: unknown; text: string } {
  let value: unknown = null
  for (let i = 0; i < levels; i++) value = { next: value }
  return { value, text: `${'{"next":'.repeat(levels)}null${'}'.repeat(levels)}` }
}

const odd = {
  text: 'quotes " and \\ and \n and ünïcödé and \u2028 and 😀 and a lone \ud800',
  numbers: [0, -0, 1.5, -2.25e-7, 1e21, 123456789012345680000, Number.MAX_VALUE, NaN, Infinity, -Infinity],
  empty: { object: {}, array: [], string: '', nested: [[], {}, [[]], { a: {} }] },
  missing: undefined,
  fn: () => 1,
  symbol: Symbol('s'),
  onlyOmitted: { a: undefined, b: () => 2 },
  // A hole on purpose: JSON.stringify writes it as null, and the fallback must too.
  holes: [1, undefined, () => 2, Symbol('t'), null, , 3], // eslint-disable-line no-sparse-arrays
  date: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
  withToJson: { toJSON: (key: string) => ({ replaced: key }) },
  boxed: [Object(1), Object('two'), Object(false)],
  nested: [[[{ deep: [[{ deeper: [1, { a: [2] }] }]] }]]],
  '2': 'integer-like keys come first',
  '': 'an empty key',
  bool: [true, false],
}

describe('writeJsonIteratively', () => {
  it.each([
    ['odd values', odd],
    ['an array of arrays', [[1], [2, [3]], []]],
    ['an empty object', {}],
    ['an empty array', []],
    ['a string', 'plain "quoted"'],
    ['a number', -0.5],
    ['null', null],
    ['true', true],
  ])('writes the same text as JSON.stringify for %s, at every indentation', (_name, value) => {
    for (const indent of [undefined, 0, 1, 2, 4, 10, 11, Infinity, -3, NaN, '', '\t', '--', 'abcdefghijklmno']) {
      expect(writeJsonIteratively(value, indent), `indent ${String(indent)}`).toBe(JSON.stringify(value, null, indent))
    }
  })

  it('writes nothing for what JSON.stringify writes nothing for', () => {
    expect(writeJsonIteratively(undefined)).toBeUndefined()
    expect(writeJsonIteratively(() => 1)).toBeUndefined()
    expect(writeJsonIteratively(Symbol('s'))).toBeUndefined()
  })

  it('refuses a cycle and a bigint with a TypeError, as JSON.stringify does', () => {
    const loop: { list: unknown[] } = { list: [] }
    loop.list.push({ back: loop })
    expect(() => writeJsonIteratively(loop)).toThrow(TypeError)
    expect(() => writeJsonIteratively({ n: 1n })).toThrow(TypeError)
  })

  it('writes a value nested 100,000 levels deep', () => {
    const { value, text } = nested(DEPTH)
    expect(() => JSON.stringify(value)).toThrow(RangeError)
    expect(writeJsonIteratively(value)).toBe(text)
  })

  it('indents a deep array as JSON.stringify would', () => {
    let value: unknown = []
    for (let i = 0; i < 3; i++) value = [value, 1]
    expect(writeJsonIteratively(value, 2)).toBe(JSON.stringify(value, null, 2))
  })
})

describe('stringifyJson', () => {
  it('is JSON.stringify for ordinary data', () => {
    expect(stringifyJson(odd, 2)).toBe(JSON.stringify(odd, null, 2))
    expect(stringifyJson(odd)).toBe(JSON.stringify(odd))
  })

  it('writes a value nested 100,000 levels deep, where JSON.stringify runs out of stack', () => {
    const { value, text } = nested(DEPTH)
    expect(stringifyJson(value)).toBe(text)
    expect(stringifyJson([value])).toBe(`[${text}]`)
  })

  it('still refuses a cycle', () => {
    const loop: { self?: unknown } = {}
    loop.self = loop
    expect(() => stringifyJson(loop)).toThrow(TypeError)
  })
})

describe('jsonDepth', () => {
  it.each([
    [null, 0], ['text', 0], [[], 1], [{}, 1], [[{}], 2], [{ a: 1, b: [2, [3]] }, 3], [[[], [[[]]], {}], 4],
  ])('counts the levels of %j as %i', (value, depth) => {
    expect(jsonDepth(value, 1_000)).toBe(depth)
  })

  it('stops counting past the limit, so a deep value or a cycle costs no more than the limit', () => {
    expect(jsonDepth(nested(DEPTH).value, 100)).toBe(101)
    expect(jsonDepth(nested(DEPTH).value, DEPTH)).toBe(DEPTH)
    const loop: { self?: unknown } = {}
    loop.self = loop
    expect(jsonDepth(loop, 50)).toBe(51)
  })
})

describe('readableJson', () => {
  it('indents by two spaces up to the readable depth', () => {
    const { value } = nested(READABLE_DEPTH)
    expect(jsonDepth(value, READABLE_DEPTH)).toBe(READABLE_DEPTH)
    expect(readableJson(value)).toEqual({ text: JSON.stringify(value, null, 2), indented: true })
  })

  it('writes a deeper value on one line, however deep', () => {
    expect(readableJson(nested(READABLE_DEPTH + 1).value)).toEqual({ text: nested(READABLE_DEPTH + 1).text, indented: false })
    const { value, text } = nested(DEPTH)
    const readable = readableJson(value)
    expect(readable.indented).toBe(false)
    expect(readable.text).toBe(text)
  })

  it('writes what JSON cannot hold as text', () => {
    expect(readableJson(undefined)).toEqual({ text: 'undefined', indented: true })
  })
})
