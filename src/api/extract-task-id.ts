// Finds the task IDs in whatever a person pastes into the Task ID box: one bare ID or many (one per
// line, comma or space separated), foxwatch or foxapi URLs, a JSON response or a JSON list of
// them, curl lines.

import { z } from 'zod/mini'
import { MAX_TASK_ID } from '../contract/task-id'

export type Extracted = { ok: true; taskId: string } | { ok: false; reason: string }
export type ExtractedMany = { ok: true; taskIds: string[]; skipped: string[] } | { ok: false; reason: string }

const KNOWN_ID = /\btask-[a-z]+-\d{6,}-[A-Za-z0-9]+\b/
const TASK_PATH = /\/tasks\/([^\s/?#"'`<>]+)/
// Any other ID form foxapi may use: one token of letters and digits (in any script), with the
// usual separators.
const BARE_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u

export const EXAMPLE_ID = 'task-unified-1757165031-uyujaw3d'

/** The one task ID in `input`, which holds one thing: an ID, a URL, a JSON body, a curl line. */
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

const TaskLike = z.looseObject({
  id: z.catch(z.optional(z.string()), undefined),
  task_id: z.catch(z.optional(z.string()), undefined),
  taskId: z.catch(z.optional(z.string()), undefined),
})
const JsonList = z.array(z.union([z.string(), TaskLike]))

function idsFromJsonList(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined
  try {
    const list = JsonList.safeParse(JSON.parse(text))
    if (!list.success) return undefined
    return list.data.flatMap((item) => {
      const id = typeof item === 'string' ? item : (item.id ?? item.task_id ?? item.taskId)
      return id ? [id] : []
    })
  } catch {
    return undefined
  }
}

/**
 * The pieces of a paste that may each hold one ID: a JSON body stays whole, and so does a curl
 * line (its header holds the key, never an ID); anything else splits at line breaks, commas,
 * semicolons and spaces.
 */
function piecesOf(text: string): string[] {
  if (text.startsWith('{')) return [text]
  // A curl command continued over several lines (`\` at the end) is one line.
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)
  return lines.flatMap((line) => (/(^|\s)curl\s/.test(line.trim() + ' ') ? [line] : line.split(/[,;\s]+/)))
}

/** Every task ID in `input`, in order and once each, and the pieces that held none. */
export function extractTaskIds(input: string): ExtractedMany {
  const text = input.trim()
  if (text === '') return { ok: false, reason: `Enter a task ID, or several, such as ${EXAMPLE_ID}.` }
  const pieces = (idsFromJsonList(text) ?? piecesOf(text)).map((piece) => piece.trim()).filter((piece) => piece !== '')
  const taskIds: string[] = []
  const skipped: string[] = []
  let refusal: string | undefined
  for (const piece of pieces) {
    // Split prose gives plain words; an ID among them always has a digit, a dash or an underscore.
    const word = pieces.length > 1 && /^[\p{L}.:]+$/u.test(piece)
    const found: Extracted = word ? { ok: false, reason: '' } : extractTaskId(piece)
    if (found.ok) {
      if (!taskIds.includes(found.taskId)) taskIds.push(found.taskId)
    } else {
      skipped.push(piece)
      refusal = found.reason
    }
  }
  if (taskIds.length > 0) return { ok: true, taskIds, skipped }
  // One piece that was refused says why (too long, say); prose says what an ID looks like.
  if (pieces.length === 1 && refusal) return { ok: false, reason: refusal }
  return { ok: false, reason: `No task ID found in that text. A task ID looks like ${EXAMPLE_ID}.` }
}
