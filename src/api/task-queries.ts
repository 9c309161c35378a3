// The query that watches one task: fetch, record, and ask the polling policy when to go again.
import { queryOptions } from '@tanstack/react-query'
import { readApiKey } from '../lib/api-key'
import { isWatchOver, pollDelayFor } from './polling'
import { recordProblem, type TaskWatch } from './task-watch'

// The request, the schemas and normalising load with the first task query, not with the page.
const loadFetchWatch = () => import('./fetch-watch')

export const taskQueries = {
  all: () => ['task'] as const,
  watch: (taskId: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), taskId] as const,
      // Failures are recorded as values beside the last good answer, so this never rejects for a
      // failed poll and a result on screen is never replaced by an error.
      queryFn: async ({ client, queryKey, signal }): Promise<TaskWatch> => {
        const previous = client.getQueryData<TaskWatch>(queryKey)
        const fetching = await loadFetchWatch().catch(() => undefined)
        // The chunk did not come (the server is gone, or restarted with a new build): a network problem.
        if (!fetching) return recordProblem(previous, { kind: 'network', where: 'foxwatch' }, Date.now())
        // A deep link's first query may already be on its way (see startHeadStart).
        const sent = previous === undefined ? fetching.takeHeadStart(taskId, signal) : undefined
        return sent?.watch ?? fetching.fetchWatch(taskId, previous, signal, sent)
      },
      // Stable between answers: see pollDelayFor.
      refetchInterval: (query) => pollDelayFor(query.state.data, document.hidden),
      refetchIntervalInBackground: true,
      // Coming back to the tab asks at once, unless the last query failed: then the backoff (and
      // any Retry-After) decides, not the person's focus.
      refetchOnWindowFocus: (query) => query.state.data?.problem === undefined,
      refetchOnReconnect: (query) => query.state.data?.problem === undefined,
      // A settled task never changes, and a refused key stays refused: no refetch on focus,
      // reconnect or remount; only the person's own action (a new key, "Try again") asks again.
      // "No key" stored by an earlier page while a key is here now (typed since, and the page
      // left before the answer to it was stored) is asked again on mount.
      staleTime: (query) => (isWatchOver(query.state.data) && !keyGivenSince(query.state.data) ? Infinity : 0),
      retry: false,
    }),
}

/** The watch stopped for want of a key, and this browser has one now. */
function keyGivenSince(watch: TaskWatch | undefined): boolean {
  return watch?.problem?.kind === 'no-key' && readApiKey() !== undefined
}
