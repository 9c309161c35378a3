import { QueryClient } from '@tanstack/react-query'
import { afterEach, expect, it, vi } from 'vitest'
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
