// The key a person types goes to the foxwatch server in one header, and from there to foxapi
// only: never to a result host, never into a URL, never into what the server prints, never onto
// the page in an error. A server of the test's own, so everything it prints can be read.
import type { Request } from '@playwright/test'
import { expect, resultHostRequests, scriptUpstream, test, uniqueId, upstreamQueries } from './fixtures'
import { OWN_SERVER_PORTS, ownServer } from './own-server'

const KEY = 'sk-SECRET-canary-123'
const server = ownServer(OWN_SERVER_PORTS.keyNeverLeaves)

test.beforeAll(() => server.start())
test.afterAll(() => server.kill())

test('a typed key reaches foxapi and nothing else, through Save, Save all, Keep and failures', async ({ page, taskPage }) => {
  const requests: Request[] = []
  const pageUrls: string[] = []
  page.on('request', (request) => requests.push(request))
  page.on('framenavigated', (frame) => pageUrls.push(frame.url()))
  const bodyText = () => page.locator('body').innerText()

  const id = uniqueId('fake-vanishing')
  await page.goto(`${server.url}/tasks/${id}`)
  await taskPage.useKey(KEY)
  await expect(taskPage.status).toHaveText('Completed')
  await expect(page.getByRole('img', { name: /^Result 2 of/ })).toBeVisible()

  const saving = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save', exact: true }).first().click()
  expect((await saving).suggestedFilename()).toBe(`${id}-1.png`)

  const zipping = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save all' }).click()
  expect((await zipping).suggestedFilename()).toBe(`${id}.zip`)

  await page.getByRole('button', { name: 'Keep in this browser' }).click()
  await expect(page.getByRole('status', { name: 'Kept in this browser' })).toBeVisible()
  expect(await bodyText()).not.toContain(KEY)

  // Refused by foxapi, and refused by a foxapi that quotes the key back.
  const refused = uniqueId('fake-unauthorized')
  await page.goto(`${server.url}/tasks/${refused}`)
  await expect(taskPage.alert).toContainText('foxapi refused the API key')
  const quoting = uniqueId('fake-quoting')
  await scriptUpstream(quoting, [{ status: 401, json: { error: { message: `Incorrect API key provided: ${KEY}.`, type: 'authentication_error' } } }])
  await page.goto(`${server.url}/tasks/${quoting}`)
  await expect(taskPage.alert).toContainText('Incorrect API key provided: [API key].')
  expect(await bodyText()).not.toContain(KEY)
  // A task foxapi has never heard of.
  await page.goto(`${server.url}/tasks/${uniqueId('fake-missing')}`)
  await expect(taskPage.alert).toContainText('foxapi has no task with ID')
  expect(await bodyText()).not.toContain(KEY)

  // foxapi got the key, as a bearer token, for each query, and in no URL.
  const queries = await upstreamQueries(id)
  expect(queries.length).toBeGreaterThanOrEqual(1)
  for (const query of queries) {
    expect(query.authorization).toBe(`Bearer ${KEY}`)
    expect(query.url).not.toContain(KEY)
  }

  // The result host: asked for both files (Save, Save all, Keep), sent nothing of the key's.
  const fetched = (await resultHostRequests()).filter((r) => r.path.includes(id))
  expect(fetched.length).toBeGreaterThanOrEqual(5)
  for (const request of fetched) {
    expect(request.headers['authorization']).toBeUndefined()
    expect(request.headers['x-foxapi-key']).toBeUndefined()
    expect(request.path).not.toContain(KEY)
    expect(JSON.stringify(request.headers)).not.toContain(KEY)
  }

  // The browser: the key only ever in X-Foxapi-Key on a task query to the foxwatch server.
  expect(requests.length).toBeGreaterThan(10)
  let keyed = 0
  for (const request of requests) {
    expect(request.url()).not.toContain(KEY)
    expect(request.postData() ?? '').not.toContain(KEY)
    const headers = await request.allHeaders()
    const isTaskQuery = request.url().startsWith(`${server.url}/api/tasks/`)
    for (const [name, value] of Object.entries(headers)) {
      if (name === 'x-foxapi-key' && isTaskQuery) {
        expect(value).toBe(KEY)
        keyed++
        continue
      }
      expect(value, `${name} on ${request.url()}`).not.toContain(KEY)
    }
  }
  expect(keyed).toBeGreaterThanOrEqual(3)
  expect(requests.some((r) => r.url().includes('/api/save-all'))).toBe(true)
  expect(pageUrls.length).toBeGreaterThanOrEqual(4)
  for (const url of [...pageUrls, page.url()]) expect(url).not.toContain(KEY)

  // The server printed its start-up lines, and not the key.
  expect(server.output()).toContain('foxwatch is running at')
  expect(server.output()).not.toContain(KEY)
})
