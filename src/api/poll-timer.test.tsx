// @vitest-environment jsdom
// The refetch timer React Query keeps for each watched task must survive re-renders: a list that
// redraws every second (its ages tick) once restarted the timer on every redraw, so a running
// task older than a few seconds was never asked about again after a reload.
import { QueryClient, QueryClientProvider, useQueries } from '@tanstack/react-query'
import { act, cleanup, render } from '@testing-library/react'
import { useEffect, useState } from 'react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { normalizeTask } from './normalize-task'
import { POLICY } from './polling'
import { RawTask } from './task-schema'
import { recordAnswer, recordProblem, type TaskWatch } from './task-watch'
import { taskQueries } from './task-queries'

const START = Date.UTC(2026, 11, 4, 9, 0, 0)
const asked: number[] = []
let answer: 'processing' | 'failing' = 'processing'

// A task created 20 s before the test began, still running: the policy's gap grows with its age.
vi.mock('./fetch-watch', () => ({
  takeHeadStart: () => undefined,
  fetchWatch: async (taskId: string, previous: TaskWatch | undefined) => {
    asked.push(Date.now())
    if (answer === 'failing') return recordProblem(previous, { kind: 'upstream', status: 503, retryAfterSeconds: undefined, message: undefined }, Date.now())
    const raw = RawTask.parse({ id: taskId, status: 'processing', progress: 40, created: Math.floor(START / 1000) - 20 })
    return recordAnswer(previous, normalizeTask(raw, taskId), Date.now())
  },
}))

/** Watches the tasks the way the watchlist does, redrawing every second as its ages tick. */
function TickingList({ ids }: { ids: string[] }) {
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 1000)
    return () => clearInterval(timer)
  }, [])
  const watches = useQueries({ queries: ids.map((id) => taskQueries.watch(id)) })
  return <ul>{watches.map((w, i) => <li key={ids[i]}>{w.data?.task?.progress ?? '…'}</li>)}</ul>
}

beforeEach(() => {
  vi.useFakeTimers({ now: START })
  asked.length = 0
  answer = 'processing'
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

async function watchFor(ms: number) {
  const client = new QueryClient()
  render(<QueryClientProvider client={client}><TickingList ids={['task-old-running']} /></QueryClientProvider>)
  for (let passed = 0; passed < ms; passed += 500) await act(() => vi.advanceTimersByTimeAsync(500))
}

it('a running task in a list that redraws every second is still asked about at its pace', async () => {
  await watchFor(60_000)
  // A fifth of its age after each answer (4 s when it is 20 s old), at most steadyMs (8 s).
  const gaps = asked.slice(1).map((at, i) => at - (asked[i] ?? 0))
  const expected = asked.slice(0, -1).map((at) => Math.min(POLICY.steadyMs, Math.round((at - START + 20_000) * POLICY.ageFactor)))
  expect(asked.length).toBeGreaterThanOrEqual(8)
  expect(gaps).toEqual(expected)
})

it('a failing task in a list that redraws every second still retries, backing off', async () => {
  answer = 'failing'
  await watchFor(60_000)
  // Backoff doubling from 1 s up to 30 s, with equal jitter: each gap between half and all of it.
  const gaps = asked.slice(1).map((at, i) => at - (asked[i] ?? 0))
  expect(gaps.length).toBeGreaterThanOrEqual(6)
  for (const [i, gap] of gaps.entries()) {
    const exponential = Math.min(POLICY.backoffCapMs, POLICY.firstMs * 2 ** i)
    expect(gap, `gaps ${gaps.join(', ')}`).toBeGreaterThanOrEqual(exponential / 2)
    expect(gap, `gaps ${gaps.join(', ')}`).toBeLessThanOrEqual(exponential)
  }
})
