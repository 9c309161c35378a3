import { describe, expect, it } from 'vitest'
import { MAX_TASK_ID } from '../../src/contract/task-id.ts'
import { wallDemoClock } from './demo-clock.ts'
import { createDemoUpstream } from './demo-upstream.ts'

describe('the demo upstream’s task route', () => {
  const demo = createDemoUpstream({ clock: wallDemoClock({ pace: 1, now: () => 1_000_000 }) })
  const ask = (id: string) => demo.request(`http://127.0.0.1:4173/demo/v1/tasks/${encodeURIComponent(id)}`)
  const idOf = (length: number) => `demo-image-${'x'.repeat(length - 'demo-image-'.length)}`

  it(`answers a demo ID of ${MAX_TASK_ID} characters`, async () => {
    const response = await ask(idOf(MAX_TASK_ID))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: idOf(MAX_TASK_ID), status: 'pending' })
  })

  it.each([MAX_TASK_ID + 1, 100_000])('refuses a demo ID of %i characters with 400 in foxapi’s error shape', async (length) => {
    const response = await ask(idOf(length))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        message: `That task ID is ${length.toLocaleString('en')} characters long; a task ID is at most ${MAX_TASK_ID}.`,
      },
    })
  })
})
