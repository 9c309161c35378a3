// Every payload of the bad-input corpus through the page's one parse-and-normalise path: nothing
// throws, a task comes out (or a problem with a sentence), and nothing sent is silently lost.
import { describe, expect, it } from 'vitest'
import { readTask } from './get-task'
import { isWebUrl } from './normalize-task'
import { ApiError, describeProblem, type Problem } from './problem'
import { hasUrl, type TaskStatus, type TaskType, type TaskView } from './task-view'
import { BAD_INPUT_COUNT, badInputs, bodyText, type BadInput } from '../testing/corpora/bad-inputs'

const REQUESTED_ID = 'task-unified-1757165031-requested'

const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled', 'unknown'] as const satisfies readonly TaskStatus[]
const TYPES = ['image', 'video', 'audio', 'llm', 'unknown'] as const satisfies readonly TaskType[]

type Outcome = { body: unknown; task: TaskView; problem?: undefined } | { body: unknown; task?: undefined; problem: Problem }

/** What the page makes of the payload as it comes off the wire. */
function read(input: BadInput): Outcome {
  const body: unknown = JSON.parse(bodyText(input))
  try {
    return { body, task: readTask(body, REQUESTED_ID) }
  } catch (error) {
    if (error instanceof ApiError) return { body, problem: error.problem }
    throw error
  }
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? Reflect.get(body, key) : undefined
}

/** The facts every task view must hold, whatever came in. */
function expectSound(task: TaskView, body: unknown) {
  expect(STATUSES).toContain(task.status)
  expect(TYPES).toContain(task.type)
  if (task.status === 'unknown') expect(typeof task.rawStatus).toBe('string')
  expect(task.id.length).toBeGreaterThan(0)
  if (task.progress !== undefined) {
    expect(Number.isInteger(task.progress)).toBe(true)
    expect(task.progress).toBeGreaterThanOrEqual(0)
    expect(task.progress).toBeLessThanOrEqual(100)
  }
  // The page prints it as a date: it must be one.
  if (task.createdAt !== undefined) expect(Number.isNaN(new Date(task.createdAt).getTime())).toBe(false)
  if (task.estimatedSeconds !== undefined) {
    expect(Number.isFinite(task.estimatedSeconds)).toBe(true)
    expect(task.estimatedSeconds).toBeGreaterThanOrEqual(0)
  }
  if (task.creditsReserved !== undefined) expect(Number.isFinite(task.creditsReserved)).toBe(true)
  for (const artifact of task.artifacts.filter(hasUrl)) expect(isWebUrl(artifact.url), artifact.url).toBe(true)
  expect(task.raw).toBe(body)

  // Nothing sent is lost: every result shows up as something, if only as raw JSON.
  const results = field(body, 'results')
  if (Array.isArray(results)) {
    const shown = new Set(task.artifacts.map((artifact) => artifact.index))
    expect([...shown].every((index) => index >= 0 && index < results.length)).toBe(true)
    expect(shown.size).toBe(results.length)
  }
}

it('holds at least a hundred payloads, each with its own name', () => {
  expect(BAD_INPUT_COUNT).toBe(badInputs.length)
  expect(BAD_INPUT_COUNT).toBeGreaterThanOrEqual(100)
  expect(new Set(badInputs.map((input) => input.name)).size).toBe(BAD_INPUT_COUNT)
})

it('builds a fresh payload every time, so no test can change another’s', () => {
  for (const input of badInputs) {
    const first = input.payload()
    if (typeof first !== 'object' || first === null) continue
    expect(input.payload()).not.toBe(first)
  }
})

describe.each(badInputs.map((input) => [input.name, input] as const))('%s', (_name, input) => {
  it('comes out as a sound task view, or a problem with a sentence', () => {
    const outcome = read(input)
    const { expect: expected } = input
    if (!expected.readable) {
      expect(outcome.problem?.kind).toBe('bad-response')
      if (outcome.problem) expect(describeProblem(outcome.problem)).toMatch(/^[A-Za-z].{10,}\.$/)
      return
    }
    const { task } = outcome
    if (!task) throw new Error(`expected a task, got the problem ${JSON.stringify(outcome.problem)}`)
    expectSound(task, outcome.body)
    if (expected.status) expect(task.status).toBe(expected.status)
    if (expected.kinds) expect(task.artifacts.map((artifact) => artifact.kind)).toEqual(expected.kinds)
    if (expected.errorMessage !== undefined) expect(task.error?.message).toBe(expected.errorMessage)
    for (const index of expected.rawAt ?? []) {
      expect(task.artifacts.some((artifact) => artifact.index === index && artifact.kind === 'raw'), `result ${index} as raw JSON`).toBe(true)
    }
  })
})
