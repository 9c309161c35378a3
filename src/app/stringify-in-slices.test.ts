import { describe, expect, it } from 'vitest'
import { stringifyInSlices } from './stringify-in-slices'

const odd = {
  text: 'quotes " and \\ and \n and ünïcödé and \u2028 and 😀',
  numbers: [0, -0, 1.5, 1e21, NaN, Infinity, -Infinity],
  empty: { object: {}, array: [], string: '' },
  missing: undefined,
  fn: () => 1,
  symbol: Symbol('s'),
  holes: [1, undefined, () => 2, Symbol('t'), null, , 3], // eslint-disable-line no-sparse-arrays
  date: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
  withToJson: { toJSON: () => ({ replaced: true }) },
  nested: [[[{ deep: [[{ deeper: [1, { a: [2] }] }]] }]]],
  '2': 'integer-like keys come first',
  bool: [true, false],
}

/** A transcript task as the persisted cache holds it: the response, and its words normalised. */
function transcriptCache(words: number) {
  const raw = Array.from({ length: words }, (_, i) => ({ text: `w${i}`, start: i / 4, end: i / 4 + 0.2, type: i % 2 ? 'spacing' : 'word', speaker_id: `speaker_${i % 3}`, logprob: -(i % 9) / 100 }))
  return {
    buster: 'task-watch-1',
    timestamp: 1_700_000_000_000,
    clientState: {
      mutations: [],
      queries: [{
        queryKey: ['task', 'abc'],
        queryHash: '["task","abc"]',
        state: {
          data: {
            task: {
              id: 'abc', status: 'completed', progress: 100, model: undefined,
              artifacts: [{ kind: 'transcript', index: 0, words: raw.map((w) => ({ text: w.text, start: w.start, end: w.end, type: w.type, speaker: w.speaker_id, logprob: undefined })) }],
              raw: { id: 'abc', results: [{ text: 'all of it', words: raw }] },
            },
            problem: undefined,
            history: [{ status: 'completed', progress: 100, at: 1 }],
          },
          status: 'success',
        },
      }],
    },
  }
}

describe('stringifyInSlices', () => {
  it.each([
    ['odd values', odd],
    ['a transcript cache', transcriptCache(500)],
    ['an array of mixed entries, longer than a batch', Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? { nested: [i, { i }] } : i % 5 === 0 ? undefined : { i, s: `${i}` }))],
    ['a flat object', { a: 1, b: 'two' }],
    ['a flat array', [1, 'two', null]],
    ['a string', 'plain'],
    ['a number', 42],
    ['null', null],
    ['an array of arrays', [[1], [2, [3]], []]],
  ])('writes the same text as JSON.stringify for %s', async (_name, value) => {
    expect(await stringifyInSlices(value)).toBe(JSON.stringify(value))
  })

  it('gives the main thread back between slices, and still writes the same text', async () => {
    const value = transcriptCache(20_000)
    let pauses = 0
    const text = await stringifyInSlices(value, { sliceMs: 0, pause: async () => void pauses++ })
    expect(text).toBe(JSON.stringify(value))
    expect(pauses).toBeGreaterThan(10)
  })

  it('writes the rest at once when told to hurry', async () => {
    const value = transcriptCache(4_000)
    let pauses = 0
    const text = await stringifyInSlices(value, { sliceMs: 0, pause: async () => void pauses++, hurry: () => pauses >= 2 })
    expect(text).toBe(JSON.stringify(value))
    expect(pauses).toBe(2)
  })

  it('refuses a circular structure, as JSON.stringify does', async () => {
    const loop: { self?: unknown; list: unknown[] } = { list: [{ a: [1] }] }
    loop.self = loop
    await expect(stringifyInSlices(loop)).rejects.toThrow(TypeError)
    expect(() => JSON.stringify(loop)).toThrow(TypeError)
  })

  it('writes a shared (not circular) object each time it appears, as JSON.stringify does', async () => {
    const shared = { words: [{ a: [1] }] }
    const value = { one: shared, two: [shared, shared] }
    expect(await stringifyInSlices(value)).toBe(JSON.stringify(value))
  })

  it('writes a cache holding an answer nested 100,000 levels deep, where JSON.stringify runs out of stack', async () => {
    const levels = 100_000
    // Objects and arrays by turns, each beside a sibling, so every level is walked, none is flat.
    let deep: unknown = null
    for (let i = 0; i < levels; i++) deep = i % 2 ? { next: deep, n: i } : [deep, i]
    const cache = { clientState: { queries: [{ state: { data: { raw: deep } } }] } }
    expect(() => JSON.stringify(cache)).toThrow(RangeError)
    let text = 'null'
    for (let i = 0; i < levels; i++) text = i % 2 ? `{"next":${text},"n":${i}}` : `[${text},${i}]`
    let pauses = 0
    expect(await stringifyInSlices(cache, { sliceMs: 0, pause: async () => void pauses++ })).toBe(`{"clientState":{"queries":[{"state":{"data":{"raw":${text}}}}]}}`)
    expect(pauses).toBeGreaterThan(levels)
  })
})
