import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { normalizeTask } from './normalize-task'
import { RawTask } from './task-schema'
import type { TaskView } from './task-view'
import { startHeadStart, takeHeadStart } from './fetch-watch'

const asked: Array<{ taskId: string; signal: AbortSignal | undefined }> = []
let answer: (task: TaskView) => void = () => {}

vi.mock('./get-task', () => ({
  getTask: (taskId: string, options: { signal?: AbortSignal }) => {
    asked.push({ taskId, signal: options.signal })
    return new Promise<TaskView>((resolve, reject) => {
      answer = resolve
      options.signal?.addEventListener('abort', () => reject(options.signal?.reason))
    })
  },
}))
let typedKey: string | undefined
vi.mock('../lib/api-key', () => ({ readApiKey: () => typedKey }))
vi.mock('../lib/settings', () => ({ readSettings: () => ({ syncUpstream: false }) }))

const completed = (id: string) => normalizeTask(RawTask.parse({ id, status: 'completed', type: 'image' }), id)

beforeEach(() => {
  asked.length = 0
  typedKey = undefined
  vi.useFakeTimers()
})
afterEach(() => {
  // Nothing left for the next test to take.
  takeHeadStart('task-a', new AbortController().signal)
  takeHeadStart('task-b', new AbortController().signal)
  vi.useRealTimers()
})

describe('a deep link’s head start', () => {
  it('is the first query of its task, taken over once, without asking again', async () => {
    startHeadStart('task-a')
    expect(asked.map((a) => a.taskId)).toEqual(['task-a'])
    const early = takeHeadStart('task-a', new AbortController().signal)
    expect(early).toBeDefined()
    expect(takeHeadStart('task-a', new AbortController().signal)).toBeUndefined()
    answer(completed('task-a'))
    const watch = await early
    expect(watch?.task?.status).toBe('completed')
    expect(watch?.answers).toBe(1)
    expect(asked).toHaveLength(1)
  })

  it('is let go when a key was typed after it left: its answer would be "no key"', () => {
    startHeadStart('task-a')
    typedKey = 'sk-typed-later'
    expect(takeHeadStart('task-a', new AbortController().signal)).toBeUndefined()
    expect(asked[0]?.signal?.aborted).toBe(true)
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
    await expect(early).rejects.toThrow('gone')
    expect(asked[0]?.signal?.aborted).toBe(true)
  })

  it('is let go when no query takes it in time', () => {
    startHeadStart('task-a')
    vi.advanceTimersByTime(20_000)
    expect(asked[0]?.signal?.aborted).toBe(true)
    expect(takeHeadStart('task-a', new AbortController().signal)).toBeUndefined()
  })
})
