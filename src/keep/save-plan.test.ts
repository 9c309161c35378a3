import { expect, it } from 'vitest'
import { normalizeTask } from '../api/normalize-task'
import { RawTask } from '../api/task-schema'
import { savePlan, selectionPlan } from './save-plan'

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

it('puts several tasks in one plan, each in a folder of its own, with an index at the top', () => {
  const image = { id: 'task img/1', status: 'completed', model: 'flux', results: [{ url: 'https://r.example/a.png' }] }
  const chat = { id: 'task-2', status: 'completed', object: 'chat.completion.task', results: [{ choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' } }] }] }
  const pending = { id: 'task-3', status: 'pending', results: [] }
  const tasks = [image, chat, pending].map((body) => normalizeTask(RawTask.parse(body), body.id, body))
  const plan = selectionPlan(tasks)
  const [imagePlan] = tasks.slice(0, 1).map(savePlan)
  expect(plan.taskId).toBe('foxwatch-3-tasks')
  expect(JSON.parse(plan.task)).toEqual({
    tasks: [
      { id: 'task img/1', status: 'completed', model: 'flux', folder: 'task_img_1' },
      { id: 'task-2', status: 'completed', model: null, folder: 'task-2' },
      { id: 'task-3', status: 'pending', model: null, folder: 'task-3' },
    ],
  })
  expect(plan.files).toEqual([{ url: 'https://r.example/a.png', name: `task_img_1/${imagePlan?.files[0]?.name ?? ''}` }])
  const names = plan.derived.map((file) => file.name)
  expect(names).toEqual(['task_img_1/task.json', 'task-2/task.json', 'task-2/chat.md', 'task-2/chat.json', 'task-3/task.json'])
  // Each folder's task.json is the task's own last response, as a single Save all writes it.
  expect(plan.derived[0]?.text).toBe(imagePlan?.task)
})
