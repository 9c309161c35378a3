import { expect, it } from 'vitest'
import { normalizeTask } from '../api/normalize-task'
import { RawTask } from '../api/task-schema'
import { savePlan } from './save-plan'

function planFor(body: unknown) {
  return savePlan(normalizeTask(RawTask.parse(body), 'task-1', body))
}

it('writes the last response as indented JSON', () => {
  const body = { id: 'task-1', status: 'completed', results: [{ mesh: { vertices: 20480 }, tags: ['low-poly', 'ünïcödé'] }] }
  expect(planFor(body).task).toBe(`${JSON.stringify(body, null, 2)}\n`)
})

it('writes a last response nested 100,000 levels deep whole, on one line', () => {
  const levels = 100_000
  let deep: unknown = null
  for (let i = 0; i < levels; i++) deep = [deep, i]
  const body = { id: 'task-1', status: 'completed', results: [deep] }
  let text = 'null'
  for (let i = 0; i < levels; i++) text = `[${text},${i}]`
  const plan = planFor(body)
  expect(plan.task).toBe(`{"id":"task-1","status":"completed","results":[${text}]}\n`)
  // The plan itself goes to the server as JSON: the deep part is text in it by now.
  expect(JSON.parse(JSON.stringify(plan)).task).toBe(plan.task)
})
