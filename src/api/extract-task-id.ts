// Finds the task ID in whatever a person pastes: a bare ID, a foxwatch or foxapi URL, a JSON
// response, a curl line.

import { z } from 'zod/mini'
import { MAX_TASK_ID } from '../contract/task-id'

export type Extracted = { ok: true; taskId: string } | { ok: false; reason: string }

const KNOWN_ID = /\btask-[a-z]+-\d{6,}-[A-Za-z0-9]+\b/
const TASK_PATH = /\/tasks\/([^\s/?#"'`<>]+)/
// Any other ID form foxapi may use: one token of letters and digits (in any script), with the
// usual separators.
const BARE_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u

export const EXAMPLE_ID = 'task-unified-1757165031-uyujaw3d'

export function extractTaskId(input: string): Extracted {
  const text = input.trim()
  if (text === '') return { ok: false, reason: `Enter a task ID, such as ${EXAMPLE_ID}.` }

  // Most telling first: a bare ID, a JSON body's id, a /tasks/<id> path; only then an ID-shaped
  // word anywhere in the text (so "sk-demo-…" in a curl header never wins over the path).
  if (BARE_ID.test(text)) return checked(text)

  const fromJson = idFromJson(text)
  if (fromJson) return checked(fromJson)

  const path = TASK_PATH.exec(text)
  if (path?.[1]) return checked(safeDecode(path[1]))

  const known = KNOWN_ID.exec(text)
  if (known) return { ok: true, taskId: known[0] }
  return { ok: false, reason: `No task ID found in that text. A task ID looks like ${EXAMPLE_ID}.` }
}

function checked(taskId: string): Extracted {
  const trimmed = taskId.trim()
  if (trimmed === '') return { ok: false, reason: `No task ID found in that text. A task ID looks like ${EXAMPLE_ID}.` }
  if (trimmed.length > MAX_TASK_ID) return { ok: false, reason: `That is ${trimmed.length.toLocaleString('en')} characters long; a task ID is at most ${MAX_TASK_ID}.` }
  return { ok: true, taskId: trimmed }
}

const WithId = z.looseObject({
  id: z.catch(z.optional(z.string()), undefined),
  task_id: z.catch(z.optional(z.string()), undefined),
  taskId: z.catch(z.optional(z.string()), undefined),
})

function idFromJson(text: string): string | undefined {
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const first = Array.isArray(value) ? value[0] : value
  if (typeof first === 'string') return first
  const task = WithId.safeParse(first)
  return task.success ? (task.data.id ?? task.data.task_id ?? task.data.taskId) : undefined
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
