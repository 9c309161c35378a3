import { useState } from 'react'
import { MAX_SAVE_PLAN_BYTES, safeFileName } from '../contract/archive-names'
import { formatBytes } from '../contract/format-bytes'
import type { TaskView } from '../api/task-view'
import { Button } from '../lib/ui/button'
import { useKeptTask } from './kept-store'
import { downloadBlob } from '../lib/download'

const FRAME = 'foxwatch-save-all'

// The zip and plan code (subtitles, hashes) loads on the first click, not with the page.
/** Posts the plan; resolves to a sentence when it is too large for the server to take. */
async function saveThroughServer(task: TaskView): Promise<string | undefined> {
  const { savePlan } = await import('./save-plan')
  const { taskId, task: taskJson, files, derived } = savePlan(task)
  // The plan names the files; the texts (task.json first, then each derived file) go as files of
  // their own, so the server passes their bytes into the zip without reading them.
  const plan = JSON.stringify({ taskId, files, derived: derived.map(({ name }) => ({ name })) })
  const texts = [taskJson, ...derived.map(({ text }) => text)].map((text, n) => new File([text], `text-${n}`, { type: 'text/plain' }))
  // The server refuses a larger plan, and a refusal inside the hidden frame would go unseen.
  const bytes = new Blob([plan, ...texts]).size
  if (bytes > MAX_SAVE_PLAN_BYTES) {
    return `This task's text and subtitles come to ${formatBytes(bytes)}, more than the ${formatBytes(MAX_SAVE_PLAN_BYTES)} foxwatch zips in one go. Save the files one by one instead.`
  }
  const form = document.createElement('form')
  form.method = 'POST'
  form.action = '/api/save-all'
  form.target = FRAME
  // Multipart: files go byte for byte (a text field would have its line breaks made CRLF).
  form.enctype = 'multipart/form-data'
  const field = document.createElement('input')
  field.type = 'hidden'
  field.name = 'plan'
  field.value = plan
  const attached = new DataTransfer()
  for (const text of texts) attached.items.add(text)
  const textFiles = document.createElement('input')
  textFiles.type = 'file'
  textFiles.name = 'text'
  textFiles.multiple = true
  textFiles.hidden = true
  textFiles.files = attached.files
  form.append(field, textFiles)
  document.body.append(form)
  form.submit()
  form.remove()
  return undefined
}

/**
 * Saves the whole task as one zip. A form post, not fetch: the browser's download manager then
 * writes the streamed answer to disk as it comes, so the page never holds the archive. A kept
 * task is zipped in the page from its kept files instead, so it saves after the links die.
 */
export function SaveAllButton({ task }: { task: TaskView }) {
  const kept = useKeptTask(task.id)
  const [state, setState] = useState<{ busy: boolean; problem: string | undefined }>({ busy: false, problem: undefined })

  async function saveAll() {
    if (!kept) return setState({ busy: false, problem: await saveThroughServer(task) })
    setState({ busy: true, problem: undefined })
    try {
      const { zipKeptTask } = await import('./zip-kept-task')
      downloadBlob(await zipKeptTask(task, kept.meta), `${safeFileName(task.id)}.zip`)
      setState({ busy: false, problem: undefined })
    } catch (error) {
      setState({ busy: false, problem: error instanceof Error ? error.message : String(error) })
    }
  }
  return (
    <>
      <Button variant="primary" onClick={() => void saveAll()} disabled={state.busy} title="Every result, the last response and derived files, as one zip">
        {state.busy ? 'Zipping…' : 'Save all'}
      </Button>
      <iframe name={FRAME} title="Save all" hidden />
      {state.problem && (
        <span role="alert" className="w-full basis-full text-sm text-red-700 dark:text-red-400">
          {kept ? `Could not save the kept copy: ${state.problem}` : state.problem}
        </span>
      )}
    </>
  )
}
