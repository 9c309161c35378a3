import { QueryClient } from '@tanstack/react-query'
import { afterEach, expect, it, vi } from 'vitest'
import { forgetApiKey, saveApiKey } from '../lib/api-key'
import { recordProblem } from './task-watch'
import { taskQueries } from './task-queries'

// The fetching code is a chunk of its own; here the server cannot send it.
vi.mock('./fetch-watch', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/fetch-watch.js')
})

afterEach(() => {
  vi.unstubAllGlobals()
})

it('a fetching chunk that cannot be loaded is a network problem beside the last answer, not a failed query', async () => {
  // foxapi would answer; the query never gets as far as asking.
  const fetch = vi.fn(async () => Response.json({ id: 'demo-image-1', status: 'completed', results: [] }))
  vi.stubGlobal('fetch', fetch)
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const watch = await client.fetchQuery(taskQueries.watch('demo-image-1'))
  expect(watch.problem).toEqual({ kind: 'network', where: 'foxwatch' })
  expect(watch.failures).toBe(1)
  expect(watch.task).toBeUndefined()
  expect(fetch).not.toHaveBeenCalled()
})

it('a stored "no key" is asked again once a key is here, and not before', async () => {
  const options = taskQueries.watch('task-a')
  const client = new QueryClient()
  client.setQueryData(options.queryKey, recordProblem(undefined, { kind: 'no-key' }, Date.now()))
  forgetApiKey()
  await client.prefetchQuery(options)
  expect(client.getQueryData(options.queryKey)?.problem?.kind).toBe('no-key')
  saveApiKey('sk-typed-since', false)
  await client.prefetchQuery(options)
  // Asked again: here the fetching chunk cannot come, so the new answer is a network problem.
  expect(client.getQueryData(options.queryKey)?.problem?.kind).toBe('network')
  forgetApiKey()
})
