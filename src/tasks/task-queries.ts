// The query that watches one task: fetch, record, and ask the polling policy when to go again.
import { queryOptions } from '@tanstack/react-query'
import { getTask } from '../api/get-task'
import { ApiError } from '../api/problem'
import { readApiKey } from '../settings/api-key'
import { readSettings } from '../settings/settings'
import { isWatchOver, nextPollDelay } from './polling'
import { recordAnswer, recordProblem, type TaskWatch } from './task-watch'

export const taskQueries = {
  all: () => ['task'] as const,
  watch: (taskId: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), taskId] as const,
      // Failures are recorded as values beside the last good answer, so this never rejects for a
      // failed poll and a result on screen is never replaced by an error.
      queryFn: async ({ client, queryKey, signal }): Promise<TaskWatch> => {
        const previous = client.getQueryData<TaskWatch>(queryKey)
        try {
          const task = await getTask(taskId, { apiKey: readApiKey(), syncUpstream: readSettings().syncUpstream, signal })
          return recordAnswer(previous, task, Date.now())
        } catch (error) {
          if (!(error instanceof ApiError)) throw error
          return recordProblem(previous, error.problem, Date.now())
        }
      },
      refetchInterval: (query) =>
        nextPollDelay({ watch: query.state.data, hidden: document.hidden, now: Date.now(), random: Math.random() }),
      refetchIntervalInBackground: true,
      // Coming back to the tab asks at once, unless the last query failed: then the backoff (and
      // any Retry-After) decides, not the person's focus.
      refetchOnWindowFocus: (query) => query.state.data?.problem === undefined,
      refetchOnReconnect: (query) => query.state.data?.problem === undefined,
      // A settled task never changes, and a refused key stays refused: no refetch on focus,
      // reconnect or remount; only the person's own action (a new key, "Try again") asks again.
      staleTime: (query) => (isWatchOver(query.state.data) ? Infinity : 0),
      retry: false,
    }),
}
