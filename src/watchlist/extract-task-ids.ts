// Many task IDs from one paste: one per line, comma or space separated, a JSON array of IDs, or
// a JSON list of task objects (such as a batch of submit responses).
import { z } from 'zod/mini'
import { EXAMPLE_ID, extractTaskId } from '../api/extract-task-id'

export type ExtractedMany = { ok: true; taskIds: string[]; skipped: string[] } | { ok: false; reason: string }

const TaskLike = z.looseObject({
  id: z.catch(z.optional(z.string()), undefined),
  task_id: z.catch(z.optional(z.string()), undefined),
  taskId: z.catch(z.optional(z.string()), undefined),
})
const JsonList = z.array(z.union([z.string(), TaskLike]))

function fromJson(text: string): string[] | undefined {
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

export function extractTaskIds(input: string): ExtractedMany {
  const text = input.trim()
  if (text === '') return { ok: false, reason: `Paste one or more task IDs, such as ${EXAMPLE_ID}.` }
  const pieces = fromJson(text) ?? text.split(/[\n,;\s]+/)
  const taskIds: string[] = []
  const skipped: string[] = []
  for (const piece of pieces) {
    if (piece.trim() === '') continue
    // Split prose gives plain words; an ID always has a digit, a dash or an underscore in it.
    const found = /^[\p{L}.:]+$/u.test(piece.trim()) ? { ok: false as const } : extractTaskId(piece)
    if (found.ok) {
      if (!taskIds.includes(found.taskId)) taskIds.push(found.taskId)
    } else {
      skipped.push(piece.trim())
    }
  }
  if (taskIds.length === 0) return { ok: false, reason: `No task ID found in that text. A task ID looks like ${EXAMPLE_ID}.` }
  return { ok: true, taskIds, skipped }
}
