// A kept task read back into a TaskView. Apart from kept-store, so the home page's list of kept
// tasks does not load the task schemas and normalising with it.
import { normalizeTask } from '../api/normalize-task'
import { RawTask } from '../api/task-schema'
import type { TaskView } from '../api/task-view'
import type { KeptMeta } from './kept-meta'

/** The task as it was when kept, for when foxapi cannot be asked (offline, no key, gone). */
export function keptTaskView(meta: KeptMeta): TaskView | undefined {
  try {
    const body: unknown = JSON.parse(meta.raw)
    const parsed = RawTask.safeParse(body)
    return parsed.success ? normalizeTask(parsed.data, meta.taskId, body) : undefined
  } catch {
    return undefined
  }
}
