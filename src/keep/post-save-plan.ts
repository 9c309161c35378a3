// Posting a Save all plan to the server, for one task or several: a form post into a hidden frame,
// so the browser's own download manager writes the streamed zip to disk as it arrives.
import { MAX_SAVE_DERIVED, MAX_SAVE_PLAN_BYTES } from '../contract/archive-names'
import { formatBytes } from '../contract/format-bytes'
import type { SavePlan } from './save-plan'

/** The hidden frame every Save all posts into: a refusal shown there would go unseen, so the page checks first. */
export const SAVE_FRAME = 'foxwatch-save-all'

function saveFrame(): string {
  if (!document.querySelector(`iframe[name="${SAVE_FRAME}"]`)) {
    const frame = document.createElement('iframe')
    frame.name = SAVE_FRAME
    frame.title = 'Save all'
    frame.hidden = true
    document.body.append(frame)
  }
  return SAVE_FRAME
}

/**
 * Posts the plan; resolves to a sentence, and posts nothing, when the server would refuse it.
 * `what` names what is saved in that sentence ("This task's", "These 3 tasks'").
 */
export function postSavePlan({ taskId, task: taskJson, files, derived }: SavePlan, what: string): string | undefined {
  // The plan names the files; the texts (task.json first, then each derived file) go as files of
  // their own, so the server passes their bytes into the zip without reading them.
  const plan = JSON.stringify({ taskId, files, derived: derived.map(({ name }) => ({ name })) })
  const texts = [taskJson, ...derived.map(({ text }) => text)].map((text, n) => new File([text], `text-${n}`, { type: 'text/plain' }))
  const bytes = new Blob([plan, ...texts]).size
  if (bytes > MAX_SAVE_PLAN_BYTES) {
    return `${what} text and subtitles come to ${formatBytes(bytes)}, more than the ${formatBytes(MAX_SAVE_PLAN_BYTES)} foxwatch zips in one go. Save the files one by one instead.`
  }
  if (derived.length > MAX_SAVE_DERIVED) {
    return `${what} text files number ${derived.length}, more than the ${MAX_SAVE_DERIVED} foxwatch zips in one go. Save fewer at a time.`
  }
  const form = document.createElement('form')
  form.method = 'POST'
  form.action = '/api/save-all'
  form.target = saveFrame()
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
