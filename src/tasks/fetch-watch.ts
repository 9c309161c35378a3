// One poll of one watched task, recorded as a TaskWatch. Its own chunk, loaded with the first task
// query: the request, the schemas and normalising stay off the first load of a page watching nothing.
import { getTask } from '../api/get-task'
import { ApiError } from '../api/problem'
import { readApiKey } from '../settings/api-key'
import { readSettings } from '../settings/settings'
import { recordAnswer, recordProblem, type TaskWatch } from './task-watch'

export async function fetchWatch(taskId: string, previous: TaskWatch | undefined, signal: AbortSignal): Promise<TaskWatch> {
  try {
    const task = await getTask(taskId, { apiKey: readApiKey(), syncUpstream: readSettings().syncUpstream, signal })
    return recordAnswer(previous, task, Date.now())
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    return recordProblem(previous, error.problem, Date.now())
  }
}
