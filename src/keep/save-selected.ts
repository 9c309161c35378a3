// Saving and keeping several tasks at once, for the watchlist's selection. The page (app/) hands
// these to the watchlist, which never imports keeping itself; this module loads on first use.
import type { TaskView } from '../api/task-view'
import { postSavePlan } from './post-save-plan'
import { selectionPlan } from './save-plan'
import { keepTask } from './kept-files'
import { readKept } from './kept-store'

/** One zip of every task given, through the server; a sentence when it would be refused. */
export function saveTasks(tasks: readonly TaskView[]): string | undefined {
  return postSavePlan(selectionPlan(tasks), tasks.length === 1 ? "This task's" : `These ${tasks.length} tasks'`)
}

/** Keeps each task in turn (the kept ones are left as they are); the problems, a sentence each. */
export async function keepTasks(tasks: readonly TaskView[]): Promise<{ kept: number; problems: string[] }> {
  let kept = 0
  const problems: string[] = []
  for (const task of tasks) {
    if (await keepTask(task)) kept++
    else problems.push(readKept().problems.get(task.id) ?? `${task.id} was not kept.`)
  }
  return { kept, problems }
}
