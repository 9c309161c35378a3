// Identical task queries made at the same moment, over real HTTP: the foxwatch server sends one
// query upstream and gives every caller the answer; it never shares an answer between keys.
import { expect, test, uniqueId, upstreamQueries } from './fixtures'

const KEY = 'sk-test-e2e-coalesce-0001'
const OTHER_KEY = 'sk-test-e2e-coalesce-0002'

test('eight identical queries in flight together cost one upstream query', async ({ request }) => {
  // `fake-slow` answers after 300 ms, so all eight arrive while the first is still in flight.
  const id = uniqueId('fake-slow')
  const responses = await Promise.all(Array.from({ length: 8 }, () =>
    request.get(`/api/tasks/${id}?sync_upstream=true`, { headers: { 'x-foxapi-key': KEY } })))
  const bodies = await Promise.all(responses.map((r) => r.json()))
  for (const [i, response] of responses.entries()) {
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe('no-store')
    expect(bodies[i]).toEqual(bodies[0])
  }
  expect(bodies[0]).toMatchObject({ id, status: 'pending' })
  const queries = await upstreamQueries(id)
  expect(queries).toHaveLength(1)
  expect(queries[0]).toMatchObject({ sync: true, authorization: `Bearer ${KEY}` })
})

test('two keys asking together cost two queries, each answered under its own key', async ({ request }) => {
  const id = uniqueId('fake-slow')
  const keys = [KEY, OTHER_KEY, KEY, OTHER_KEY, KEY, OTHER_KEY, KEY, OTHER_KEY]
  const responses = await Promise.all(keys.map((key) =>
    request.get(`/api/tasks/${id}`, { headers: { 'x-foxapi-key': key } })))
  expect(responses.map((r) => r.status())).toEqual(Array(8).fill(200))
  const authorizations = (await upstreamQueries(id)).map((q) => q.authorization)
  expect(authorizations.sort()).toEqual([`Bearer ${KEY}`, `Bearer ${OTHER_KEY}`])
})

test('a query after the answer has come goes upstream again: nothing is cached', async ({ request }) => {
  const id = uniqueId('fake-slow')
  const ask = async () => (await request.get(`/api/tasks/${id}`, { headers: { 'x-foxapi-key': KEY } })).json()
  // The fake's task moves on with each query it sees, so a fresh answer shows as a new status.
  expect(await ask()).toMatchObject({ status: 'pending' })
  expect(await ask()).toMatchObject({ status: 'processing' })
  expect(await upstreamQueries(id)).toHaveLength(2)
})
