// The built-in demo upstream: foxapi's task API for `demo-*` IDs, each on a clock of its own.
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import type { DemoClock } from './demo-clock.ts'
import { scenarioFor, type Scenario } from './scenarios.ts'
import { MAX_TASK_ID } from '../../src/contract/task-id.ts'

export const DEMO_PREFIX = '/demo'

/** The audio a demo transcript was made from, so the page can offer it for play-along. */
export const DEMO_SOURCE_AUDIO: Readonly<Record<string, string>> = { transcript: `${DEMO_PREFIX}/files/transcript.mp3` }
/** Where the demo's files are when this module runs from source (main.ts says so when compiled). */
const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url))

type DemoOptions = {
  /** Where each task is in its life (demo-clock.ts). */
  clock: DemoClock
  /** The folder of the demo's result files. */
  assets?: string
}

export function createDemoUpstream({ clock, assets = ASSETS }: DemoOptions): Hono {
  const app = new Hono()

  app.get(`${DEMO_PREFIX}/v1/tasks/:id`, (c) => {
    const taskId = c.req.param('id')
    // Reachable directly, not only through the task route that checks this too; each ID asked is
    // remembered, so a long one would be kept.
    if (taskId.length > MAX_TASK_ID) {
      return c.json({ error: {
        message: `That task ID is ${taskId.length.toLocaleString('en')} characters long; a task ID is at most ${MAX_TASK_ID}.`,
        type: 'invalid_request_error',
      } }, 400, { 'cache-control': 'no-store' })
    }
    const scenario = scenarioFor(taskId)
    if (!scenario) {
      return c.json({ error: { message: `Task ${taskId} not found`, type: 'not_found' } }, 404)
    }
    const { startedAt, elapsedMs, pace } = clock.timeOf(taskId)
    const filesBase = new URL(`${DEMO_PREFIX}/files/`, c.req.url)
    const file = (name: string) => new URL(name, filesBase).toString()
    return c.json(taskAt(scenario, taskId, startedAt, elapsedMs, file, pace), 200, { 'cache-control': 'no-store' })
  })

  app.get(
    `${DEMO_PREFIX}/files/:name`,
    serveStatic({ root: assets, rewriteRequestPath: (path) => path.slice(`${DEMO_PREFIX}/files`.length) }),
  )

  return app
}

/** The task as the demo upstream answers it, `elapsedMs` (on the demo clock) after its first query. */
export function taskAt(
  scenario: Scenario,
  taskId: string,
  startedAtMs: number,
  elapsedMs: number,
  file: (name: string) => string,
  pace = 1,
) {
  const base = {
    id: taskId,
    object: scenario.object,
    type: scenario.type,
    model: scenario.model,
    created: Math.floor(startedAtMs / 1000),
    results: null,
    error: null,
    usage: { credits_reserved: 5, user_group: 'default' },
  }
  const running = (status: 'pending' | 'processing', progress: number) => ({
    ...base,
    status,
    progress,
    task_info: { can_cancel: status === 'pending', ...(scenario.estimatedSeconds ? { estimated_time: Math.round(scenario.estimatedSeconds / pace) } : {}) },
  })
  if (elapsedMs < scenario.pendingMs) return running('pending', 0)
  const processed = elapsedMs - scenario.pendingMs
  if (processed < scenario.processingMs) {
    return running('processing', Math.min(99, Math.max(1, Math.floor((100 * processed) / scenario.processingMs))))
  }
  const settle = scenario.settle
  switch (settle.status) {
    case 'failed':
      return { ...base, status: 'failed', progress: 0, error: { ...settle.error, type: 'task_error' } }
    case 'cancelled':
      return { ...base, status: 'cancelled', progress: 0 }
    case 'completed': {
      const done = { ...base, status: 'completed', progress: 100 }
      if ('output' in settle) {
        const { results: _results, ...legacy } = done
        return { ...legacy, output: settle.output(file) }
      }
      return { ...done, results: settle.results(file) }
    }
  }
}
