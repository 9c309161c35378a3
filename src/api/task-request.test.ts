import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchWatch, takeHeadStart } from './fetch-watch'
import { startHeadStart } from './task-request'

type Sent = { url: string; headers: Record<string, string>; signal: AbortSignal; answer: (body: unknown) => void }
const sent: Sent[] = []

let typedKey: string | undefined
vi.mock('../lib/api-key', () => ({ readApiKey: () => typedKey }))
vi.mock('../lib/settings', () => ({ readSettings: () => ({ syncUpstream: false, maxPerSecond: 5, maxInFlight: 4 }) }))

beforeEach(() => {
  sent.length = 0
  typedKey = undefined
  vi.useFakeTimers()
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => new Promise<Response>((resolve, reject) => {
    const signal = init.signal ?? new AbortController().signal
    sent.push({ url, headers: init.headers as Record<string, string>, signal, answer: (body) => resolve(Response.json(body)) })
    signal.addEventListener('abort', () => reject(signal.reason))
  }))
})
afterEach(() => {
  // Nothing left for the next test to take.
  takeHeadStart('task-a', new AbortController().signal)
  takeHeadStart('task-b', new AbortController().signal)
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('a deep link’s head start', () => {
  it('is sent at once, and is the first query of its task, taken over once', async () => {
    typedKey = 'sk-from-before'
    startHeadStart('task-a')
    expect(sent.map((s) => s.url)).toEqual(['/api/tasks/task-a'])
    expect(sent[0]?.headers['X-Foxapi-Key']).toBe('sk-from-before')
    const early = takeHeadStart('task-a', new AbortController().signal)
    expect(early).toBeDefined()
    expect(takeHeadStart('task-a', new AbortController().signal)).toBeUndefined()
    sent[0]?.answer({ id: 'task-a', status: 'completed', type: 'image' })
    await expect(early?.answer).resolves.toMatchObject({ json: true, body: { id: 'task-a' } })
  })

  it('taken over by the query, is its answer: nothing is asked again', async () => {
    startHeadStart('task-a')
    const query = new AbortController()
    const watch = fetchWatch('task-a', undefined, query.signal, takeHeadStart('task-a', query.signal))
    sent[0]?.answer({ id: 'task-a', status: 'completed', type: 'image', results: [{ url: 'https://files.example/a.png' }] })
    const seen = await watch
    expect(seen.task?.status).toBe('completed')
    expect(seen.answers).toBe(1)
    expect(sent).toHaveLength(1)
  })

  it('is let go when a key was typed after it left: its answer would be "no key"', () => {
    startHeadStart('task-a')
    typedKey = 'sk-typed-later'
    expect(takeHeadStart('task-a', new AbortController().signal)).toBeUndefined()
    expect(sent[0]?.signal.aborted).toBe(true)
  })

  it('is not another task’s', () => {
    startHeadStart('task-a')
    expect(takeHeadStart('task-b', new AbortController().signal)).toBeUndefined()
  })

  it('is cancelled with the query that took it', async () => {
    startHeadStart('task-a')
    const query = new AbortController()
    const early = takeHeadStart('task-a', query.signal)
    query.abort(new DOMException('gone', 'AbortError'))
    await expect(early?.answer).rejects.toThrow('gone')
    expect(sent[0]?.signal.aborted).toBe(true)
  })

  it('is let go when no query takes it in time, and a late taker finds a timed-out query', () => {
    startHeadStart('task-a')
    vi.advanceTimersByTime(20_000)
    expect(sent[0]?.signal.aborted).toBe(true)
    expect(takeHeadStart('task-a', new AbortController().signal)).toBeUndefined()
  })
})
