import { expect, it } from 'vitest'
import { normalizeTask } from '../api/normalize-task'
import { RawTask } from '../api/task-schema'
import { gistOf } from './row-preview'

function task(body: Record<string, unknown>) {
  const raw = { id: 't', status: 'completed', ...body }
  return normalizeTask(RawTask.parse(raw), 't', raw)
}

it('shows a picture for images, PBR maps and textures, before anything else', () => {
  expect(gistOf(task({ type: 'image', results: [{ url: 'https://r.example/a.png' }] }))).toEqual({ kind: 'picture', url: 'https://r.example/a.png' })
  expect(gistOf(task({ results: [{ url: 'https://r.example/h.png', result_type: 'pbr_map', map_type: 'height' }] }))).toMatchObject({ kind: 'picture' })
})

it("shows a video's frame, an audio's play button, and a voice clone's ID rather than its preview", () => {
  expect(gistOf(task({ type: 'video', results: [{ url: 'https://r.example/v.mp4' }] }))).toEqual({ kind: 'video', url: 'https://r.example/v.mp4' })
  expect(gistOf(task({ type: 'audio', results: [{ url: 'https://r.example/a.mp3' }] }))).toEqual({ kind: 'audio', url: 'https://r.example/a.mp3' })
  expect(gistOf(task({ model: 'kling-video-create-voice', type: 'audio', results: [{ voice_id: '8294', url: 'https://r.example/a.mp3' }] })))
    .toEqual({ kind: 'id', text: '8294' })
})

it('shows the first line of a chat answer or a transcript, shortened when long', () => {
  const chat = task({ type: 'llm', results: [{ choices: [{ index: 0, message: { role: 'assistant', content: '\n## Polling **a** `task`\n\nMore below.' } }] }] })
  expect(gistOf(chat)).toEqual({ kind: 'text', text: 'Polling a task' })
  const long = task({ type: 'llm', results: [{ choices: [{ index: 0, message: { role: 'assistant', content: 'x'.repeat(500) } }] }] })
  expect(gistOf(long)).toEqual({ kind: 'text', text: `${'x'.repeat(119)}…` })
  const calls = task({ type: 'llm', results: [{ choices: [{ index: 0, message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'get_weather' } }] } }] }] })
  expect(gistOf(calls)).toEqual({ kind: 'text', text: 'Calls get_weather' })
  const words = task({ results: [{ text: 'Welcome back.', words: [{ text: 'Welcome', start: 0, end: 0.4 }] }] })
  expect(gistOf(words)).toEqual({ kind: 'text', text: 'Welcome back.' })
})

it("shows a failed task's message, or its code, and nothing for a task that made nothing yet", () => {
  expect(gistOf(task({ status: 'failed', error: { code: 'content_policy', message: 'The prompt was refused.' } }))).toEqual({ kind: 'failure', text: 'The prompt was refused.' })
  expect(gistOf(task({ status: 'failed', error: { code: 'timeout' } }))).toEqual({ kind: 'failure', text: 'timeout' })
  expect(gistOf(task({ status: 'processing', results: [] }))).toBeUndefined()
})
