// @vitest-environment jsdom
// Save all of a task too large for the server says so on the page, instead of posting a form the
// server would refuse inside a hidden frame where nobody sees the refusal.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { readTask } from '../api/get-task'
import { SaveAllButton } from './save-all-button'

afterEach(cleanup)

/** A completed scribe-v2 task of `count` words: its subtitles and text come to several times its JSON. */
function transcriptTask(count: number) {
  const words = Array.from({ length: count }, (_, n) => ({ text: `word${n}`, start: n / 3, end: n / 3 + 0.25, type: 'word', speaker_id: 'speaker_0' }))
  return readTask({
    id: 'task-llm-1757165031-longlong', object: 'audio.generation.task', type: 'audio', model: 'scribe-v2', status: 'completed',
    progress: 100, created: 1757165031, results: [{ text: words.map((w) => w.text).join(' '), language_code: 'en', language_probability: 0.99, words }], error: null,
  }, 'task-llm-1757165031-longlong')
}

it('a task whose texts pass the limit says so, and posts nothing', async () => {
  render(<SaveAllButton task={transcriptTask(150_000)} />)
  const posted: string[] = []
  document.addEventListener('submit', (event) => posted.push(String(event.target)))
  fireEvent.click(screen.getByRole('button', { name: 'Save all' }))
  const alert = await screen.findByRole('alert', {}, { timeout: 30_000 })
  expect(alert.textContent).toMatch(/^This task's text and subtitles come to \d+ MB, more than the 40 MB foxwatch zips in one go\. Save the files one by one instead\.$/)
  expect(document.querySelector('form')).toBeNull()
  expect(posted).toEqual([])
}, 60_000)
