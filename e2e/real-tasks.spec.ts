// Real (non-demo) task IDs through the foxwatch server to a fake foxapi on loopback: keys,
// failures, recovery, and how many queries polling costs. The page clock moves polling time.
import { expect, resultHostRequests, test, uniqueId, upstreamQueries, type TaskPage } from './fixtures'
import { FAKE_UPSTREAM } from './ports'

const KEY = 'sk-test-e2e-0123456789'

/** A real (non-demo) task needs a key: open it, then type one in as a person would. */
async function openWithKey(taskPage: TaskPage, taskId: string) {
  await taskPage.open(taskId)
  await taskPage.useKey(KEY)
}

/** Walks a `fake-ok` task through its life on the page clock: pending, processing, completed. */
async function watchToCompletion(taskPage: TaskPage) {
  await expect(taskPage.status).toHaveText('Pending')
  await taskPage.page.clock.runFor(1_100)
  await expect(taskPage.status).toHaveText('Processing')
  await taskPage.page.clock.runFor(1_400)
  await expect(taskPage.status).toHaveText('Completed')
}

test.beforeEach(async ({ page }) => {
  await page.clock.install()
})

test('without a key, the page asks for one and sends nothing upstream', async ({ taskPage }) => {
  const id = uniqueId('fake-ok')
  await taskPage.open(id)
  await expect(taskPage.alert).toContainText('needs a foxapi API key')
  // The field is right there, ready to type into; the header stays small.
  await expect(taskPage.page.getByLabel('API key', { exact: true })).toBeFocused()
  await expect(taskPage.page.getByRole('banner')).toContainText('Demo mode')
  expect(await upstreamQueries(id)).toHaveLength(0)
})

test('polling stops once the task settles: no query after completed', async ({ page, taskPage }) => {
  const id = uniqueId('fake-ok')
  await openWithKey(taskPage, id)
  await watchToCompletion(taskPage)
  await expect(page.getByRole('img', { name: /^Result 1/ })).toBeVisible()
  // Ten minutes of page time after settling: not one more query.
  await page.clock.runFor(600_000)
  const queries = await upstreamQueries(id)
  // The key went upstream as a Bearer header, and never in a URL.
  expect(queries.map((q) => q.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`, `Bearer ${KEY}`])
  expect(queries.every((q) => !q.url.includes(KEY))).toBe(true)
  expect(queries.every((q) => q.sync)).toBe(true)
  expect(page.url()).not.toContain(KEY)
})

test('a refused key stops polling and says what to do', async ({ page, taskPage }) => {
  const id = uniqueId('fake-unauthorized')
  await openWithKey(taskPage, id)
  await expect(taskPage.alert).toContainText('foxapi refused the API key ("Invalid API key provided")')
  await expect(taskPage.alert).toContainText('stopped asking')
  await page.clock.runFor(120_000)
  expect(await upstreamQueries(id)).toHaveLength(1)
})

test('an unknown task ID says so and stops', async ({ page, taskPage }) => {
  const id = uniqueId('fake-missing')
  await openWithKey(taskPage, id)
  await expect(taskPage.alert).toContainText(`foxapi has no task with ID ${id}`)
  await page.clock.runFor(120_000)
  expect(await upstreamQueries(id)).toHaveLength(1)
})

test('429 with Retry-After: waits at least that long, then carries on', async ({ page, taskPage }) => {
  const id = uniqueId('fake-ratelimited')
  await openWithKey(taskPage, id)
  await expect(taskPage.alert).toContainText('next try in 3 s')
  // The fake upstream keeps real time while the page's clock is moved on (and also flows by
  // itself), so count queries rather than time them, leaving the page's own flow some slack.
  await page.clock.runFor(2_500)
  expect(await upstreamQueries(id)).toHaveLength(1)
  await page.clock.runFor(600)
  await expect(taskPage.status).toHaveText('Pending')
  await expect(taskPage.alert).toHaveCount(0)
  expect(await upstreamQueries(id)).toHaveLength(2)
})

test('500s keep the last good status on screen, say "reconnecting", then recover', async ({ page, taskPage }) => {
  const id = uniqueId('fake-flaky')
  await openWithKey(taskPage, id)
  await expect(taskPage.status).toHaveText('Pending')
  await page.clock.runFor(1_100)
  await expect(taskPage.alert).toContainText('foxapi is having trouble (HTTP 500)')
  await expect(taskPage.alert).toContainText('Reconnecting')
  await expect(taskPage.status).toHaveText('Pending')
  // Backoff with jitter: the retries come, but not at once.
  await page.clock.runFor(5_000)
  await expect(taskPage.alert).toHaveCount(0)
  // The first good answer after the errors is "processing"; a quick machine may have had the
  // next, "completed", within the same five seconds.
  await expect(taskPage.status).toHaveText(/Processing|Completed/)
  await page.clock.runFor(5_000)
  await expect(taskPage.status).toHaveText('Completed')
  const times = (await upstreamQueries(id)).map((q) => q.at)
  expect(times.length).toBeGreaterThanOrEqual(5)
})

test('an HTML error page where JSON was expected is a clear sentence, not a blank', async ({ taskPage }) => {
  const id = uniqueId('fake-html')
  await openWithKey(taskPage, id)
  await expect(taskPage.alert).toContainText('foxapi is having trouble (HTTP 502)')
})

test('completed with no results under sync_upstream: one more query without the flag fetches them', async ({ page, taskPage }) => {
  const id = uniqueId('fake-syncempty')
  await openWithKey(taskPage, id)
  await expect(taskPage.status).toHaveText('Processing')
  await page.clock.runFor(1_100)
  await expect(taskPage.status).toHaveText('Completed')
  await expect(page.getByRole('img', { name: /^Result 1/ })).toBeVisible()
  expect((await upstreamQueries(id)).map((q) => q.sync)).toEqual([true, true, false])
})

test('Save streams the file through foxwatch, with no key sent to the result host', async ({ page, taskPage }) => {
  const id = uniqueId('fake-ok')
  await openWithKey(taskPage, id)
  await watchToCompletion(taskPage)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`${id}-1.png`)
  const path = await file.path()
  const { statSync } = await import('node:fs')
  expect(statSync(path).size).toBeGreaterThan(1000)
  const fetched = (await resultHostRequests()).filter((r) => r.path === `/files/${id}.png`)
  expect(fetched.length).toBeGreaterThanOrEqual(1)
  for (const request of fetched) {
    expect(request.headers['authorization']).toBeUndefined()
    expect(JSON.stringify(request.headers)).not.toContain(KEY)
  }
})

test('Save on a dead link says it has probably expired, instead of a failed download', async ({ page, taskPage }) => {
  const id = uniqueId('fake-expired')
  await openWithKey(taskPage, id)
  await expect(taskPage.status).toHaveText('Completed')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('answered 404: the link has probably expired')
})

test('Copy as curl shows the query with the key redacted unless the person reveals it', async ({ page, taskPage }) => {
  const id = uniqueId('fake-ok')
  await openWithKey(taskPage, id)
  await expect(taskPage.status).toHaveText('Pending')
  const command = page.getByLabel('curl command')
  await expect(command).toHaveText(`curl -sS -H 'Authorization: Bearer sk-…redacted' '${FAKE_UPSTREAM}/v1/tasks/${id}'`)
  await expect(command).not.toContainText(KEY)
  await page.getByLabel('Reveal key').check()
  await expect(command).toContainText(`Bearer ${KEY}'`)
})
