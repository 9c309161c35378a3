// The watchlist: many tasks pasted at once, watched together, and kept across a reload.
import type { Page } from '@playwright/test'
import { POLICY } from '../src/api/polling'
import { demoClock, expect, heldDemoTask, setHidden, settledDemoTask, TaskPage, test, uniqueId, upstreamQueries } from './fixtures'

test('pasting several IDs watches them all until each settles, merging duplicates', async ({ page }) => {
  const ids = [await settledDemoTask('demo-image'), await settledDemoTask('demo-failed'), await settledDemoTask('demo-kling-voice')] as const
  await page.goto('/')
  await page.getByLabel('Task ID', { exact: true }).fill(`${ids[0]}\n${ids[1]}, ${ids[2]}\n${ids[0]}`)
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: '3 tasks added.' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Watched tasks' })
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(table.getByTestId('watch-status')).toHaveText(['Completed', 'Failed', 'Completed'])
  await expect(table.getByRole('img', { name: `First result of ${ids[0]}` })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('table', { name: 'Watched tasks' }).getByRole('link')).toHaveText(ids)

  await page.getByRole('button', { name: `Stop watching ${ids[1]}` }).click()
  await expect(page.getByRole('table', { name: 'Watched tasks' }).getByRole('link')).toHaveText([ids[0], ids[2]])
})

test('text with no ID in it is refused with a sentence', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Task ID', { exact: true }).fill('nothing to see here !!!')
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText(/No task ID found in that text/)
  await expect(page.getByRole('table', { name: 'Watched tasks' })).toHaveCount(0)
})

test('a task opened from the box or added on its page is watched, one merely opened is not; Clear settled removes the settled', async ({ page, taskPage }) => {
  const done = await settledDemoTask('demo-cancelled')
  const running = await heldDemoTask('demo-slow')
  const glanced = await settledDemoTask('demo-image')
  await taskPage.open(glanced)
  await expect(taskPage.status).toHaveText('Completed')
  await taskPage.open(done)
  await expect(taskPage.status).toHaveText('Cancelled')
  await taskPage.addToWatchlist()
  await taskPage.taskId.fill(running)
  await taskPage.taskId.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/tasks/${running}$`))
  await expect(taskPage.status).toHaveText(/Pending|Processing/)
  await expect(page.getByRole('button', { name: 'Remove from watchlist' })).toBeVisible()
  await page.getByRole('link', { name: 'foxwatch' }).click()
  const links = page.getByRole('table', { name: 'Watched tasks' }).getByRole('link')
  await expect(links).toHaveText([running, done])
  // Clear settled acts on what the rows say, so wait until they say it: a reload can come before
  // the cache's last save, and then the cancelled task is queried once more before it reads settled.
  await expect(page.getByTestId('watch-status')).toHaveText([/Pending|Processing/, 'Cancelled'])
  await page.getByRole('button', { name: 'Clear settled' }).click()
  await expect(links).toHaveText([running])
})

test('a task finishing in a hidden tab counts in the title and dots the icon until seen, and is announced', async ({ page }) => {
  const id = await heldDemoTask('demo-image')
  await page.clock.install()
  await page.goto('/')
  await page.getByLabel('Task ID', { exact: true }).fill(id)
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  // One ID opens its task; the watchlist is at home.
  await page.getByRole('link', { name: 'foxwatch' }).click()
  await expect(page.getByTestId('watch-status')).toHaveText('Pending')
  await setHidden(page, true)
  await demoClock.settle(id)
  // A hidden tab checks at its slower pace; the page's clock is moved past it.
  await page.clock.runFor(POLICY.hiddenCapMs)
  await expect(page).toHaveTitle('(1) foxwatch')
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon-dot.svg')
  await expect(page.getByTestId('settle-announcer')).toHaveText(`Task ${id} completed.`)
  await setHidden(page, false)
  await expect(page).toHaveTitle('foxwatch')
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg')
})

/** The query cache as persisted in IndexedDB (a record per task query), as one text. */
async function persistedCache(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((resolve) => {
    const open = indexedDB.open('foxwatch-queries')
    open.onsuccess = () => {
      if (!open.result.objectStoreNames.contains('queries')) return resolve('')
      const read = open.result.transaction('queries').objectStore('queries').getAll()
      read.onsuccess = () => resolve(read.result.filter((value) => typeof value === 'string').join('\n'))
      read.onerror = () => resolve('')
    }
    open.onerror = () => resolve('')
  }))
}

test('after a reload, settled tasks show from what was kept without a query, and unsettled ones resume', async ({ page, taskPage }) => {
  const settled = uniqueId('fake-ok')
  const running = await heldDemoTask('demo-slow')
  await demoClock.advance(running, 20_000)
  await taskPage.open(settled)
  await taskPage.useKey('sk-test-e2e-reload')
  await expect(taskPage.status).toHaveText('Completed', { timeout: 15_000 })
  await taskPage.addToWatchlist()
  // Writes to the persisted cache are throttled: wait until the finish is in it.
  await expect.poll(() => persistedCache(page)).toMatch(new RegExp(`"id":"${settled}"[^}]*"status":"completed"`))
  await taskPage.open(running)
  await expect(taskPage.status).toHaveText('Processing')
  await taskPage.addToWatchlist()
  await page.goto('/')
  const rows = page.getByRole('table', { name: 'Watched tasks' })
  await expect(rows.getByTestId('watch-status')).toHaveText(['Processing', 'Completed'])
  const asked = (await upstreamQueries(settled)).length
  // What a reload restores is what the last page wrote, and two pages came and went since the
  // finish was first stored: it must still be there (a reload within the write throttle of a
  // page's start may otherwise find the page before's copy, decision 0012).
  await expect.poll(() => persistedCache(page)).toMatch(new RegExp(`"id":"${settled}"[^}]*"status":"completed"`))

  const stored = await persistedCache(page)
  // From here the page's timers are the test's: a task this old may wait up to estimateCapMs.
  await page.clock.install()
  const reloadedAt = Date.now()
  // On a failure: what the reloaded page asked for, in order (did the stored cache's chunk come?).
  const requested: string[] = []
  page.on('request', (request) => requested.push(`${Date.now() - reloadedAt} ms ${new URL(request.url()).pathname.slice(0, 60)}`))
  await page.reload()
  await expect(rows.getByTestId('watch-status')).toHaveText(['Processing', 'Completed'])
  const progress = rows.getByRole('progressbar', { name: `Progress of ${running}` })
  const before = Number(await progress.getAttribute('aria-valuenow'))
  await demoClock.advance(running, 60_000)
  await page.clock.runFor(POLICY.estimateCapMs)
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(before)
  const queries = await upstreamQueries(settled)
  // On a failure: which page asked (before or after the reload), and what the reload found.
  const stamps = queries.map((query) => `${query.at - reloadedAt} ms`).join(', ')
  const at = stored.indexOf(`"queryHash":"[\\"task\\",\\"${settled}\\"]"`)
  const entry = at < 0 ? 'no entry for it' : stored.slice(stored.lastIndexOf('{"dehydratedAt"', at), at)
  expect(queries, `queries at ${stamps} from the reload; the page asked for ${requested.join(', ')}; it found ${entry}`).toHaveLength(asked)
})

test('a cache stored the old way (one text for the whole cache) is read once more, kept a record per task, and its database deleted', async ({ page, taskPage }) => {
  const settled = uniqueId('fake-ok')
  await taskPage.open(settled)
  await taskPage.useKey('sk-test-e2e-old-cache')
  await expect(taskPage.status).toHaveText('Completed', { timeout: 15_000 })
  await taskPage.addToWatchlist()
  await expect.poll(() => persistedCache(page)).toMatch(new RegExp(`"id":"${settled}"[^}]*"status":"completed"`))
  const record = (await persistedCache(page)).split('\n').find((text) => text.includes(`"queryHash":"[\\"task\\",\\"${settled}\\"]"`))
  expect(record).toBeDefined()
  // A page of the same origin that runs no foxwatch: the records go, the old text comes.
  await page.goto('/favicon.svg')
  await page.evaluate(async (query) => {
    const open = (name: string, store: string) => new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onupgradeneeded = () => request.result.createObjectStore(store)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const done = (transaction: IDBTransaction) => new Promise((resolve) => { transaction.oncomplete = resolve })
    const records = await open('foxwatch-queries', 'queries')
    const clearing = records.transaction('queries', 'readwrite')
    clearing.objectStore('queries').clear()
    await done(clearing)
    records.close()
    const old = await open('keyval-store', 'keyval')
    const writing = old.transaction('keyval', 'readwrite')
    const text = JSON.stringify({ buster: 'task-watch-1', timestamp: Date.now(), clientState: { mutations: [], queries: [JSON.parse(query)] } })
    writing.objectStore('keyval').put(text, 'foxwatch.queries')
    await done(writing)
    old.close()
  }, record ?? '')
  const asked = (await upstreamQueries(settled)).length
  await page.goto('/')
  const rows = page.getByRole('table', { name: 'Watched tasks' })
  await expect(rows.getByTestId('watch-status')).toHaveText(['Completed'])
  // Read from the old text, written as a record, and the old database deleted.
  await expect.poll(() => persistedCache(page)).toMatch(new RegExp(`"id":"${settled}"[^}]*"status":"completed"`))
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContain('keyval-store')
  expect(await upstreamQueries(settled)).toHaveLength(asked)
})

test('the watchlist sorts by status, filters by status, type and model, and searches by ID', async ({ page }) => {
  const image = await settledDemoTask('demo-image')
  const failed = await settledDemoTask('demo-failed')
  const slow = await heldDemoTask('demo-slow')
  await demoClock.advance(slow, 20_000)
  await page.goto('/')
  await page.getByLabel('Task ID', { exact: true }).fill([image, failed, slow].join('\n'))
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  const table = page.getByRole('table', { name: 'Watched tasks' })
  await expect(table.getByTestId('watch-status')).toHaveText(['Completed', 'Failed', 'Processing'])

  await page.getByLabel('Sort', { exact: true }).selectOption('status')
  await expect(table.getByRole('link')).toHaveText([slow, failed, image])
  await page.getByLabel('Status', { exact: true }).selectOption('failed')
  await expect(table.getByRole('link')).toHaveText([failed])
  await expect(page.getByText('1 of 3 shown')).toBeVisible()
  await page.getByLabel('Status', { exact: true }).selectOption('')
  await page.getByLabel('Model', { exact: true }).selectOption('gemini-3.1-flash-image-preview')
  await expect(table.getByRole('link')).toHaveText([image])
  await page.getByLabel('Model', { exact: true }).selectOption('')
  await page.getByLabel('Type', { exact: true }).selectOption('video')
  await expect(table.getByRole('link')).toHaveText([slow, failed])
  await page.getByLabel('Search by ID').fill(slow.slice(-6))
  await expect(table.getByRole('link')).toHaveText([slow])

  // The view is in the address: a reload keeps it, and a copy of the address shares it.
  await expect(page).toHaveURL(new RegExp(`/\\?type=video&q=${slow.slice(-6)}&sort=status$`))
  await page.reload()
  await expect(table.getByRole('link')).toHaveText([slow])
  await expect(page.getByLabel('Search by ID')).toHaveValue(slow.slice(-6))
  // A filter that matches nothing says so; Clear filters brings every row back, still sorted.
  await page.getByLabel('Status', { exact: true }).selectOption('completed')
  await expect(page.getByRole('status').filter({ hasText: 'No watched task matches these filters.' })).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(table.getByRole('link')).toHaveText([slow, failed, image])
  await expect(page).toHaveURL(/\/\?sort=status$/)
  // The column headings sort too, and the sorted one says so.
  await expect(table.getByRole('columnheader', { name: 'Status', exact: true })).toHaveAttribute('aria-sort', 'ascending')
  await table.getByRole('button', { name: 'Age', exact: true }).click()
  await expect(table.getByRole('columnheader', { name: 'Age', exact: true })).toHaveAttribute('aria-sort', 'ascending')
  await expect(table.getByRole('columnheader', { name: 'Status', exact: true })).not.toHaveAttribute('aria-sort')
  await expect(page).toHaveURL(/\/\?sort=age$/)
  await table.getByRole('button', { name: 'Task', exact: true }).click()
  await expect(table.getByRole('link')).toHaveText([image, failed, slow])
  await expect(page).toHaveURL(/\/$/)
})

test('a task removed from the watchlist can still be found in the history', async ({ page, taskPage }) => {
  const id = await settledDemoTask('demo-audio')
  await page.goto('/')
  await page.getByLabel('Task ID', { exact: true }).fill(id)
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  // One ID opens its task; the watchlist is at home.
  await page.getByRole('link', { name: 'foxwatch' }).click()
  await expect(page.getByTestId('watch-status')).toHaveText('Completed')
  await page.getByRole('button', { name: `Stop watching ${id}` }).click()
  await page.reload()
  await taskPage.section('History')
  await page.getByLabel('Search history').fill(id.slice(-7))
  const history = page.getByRole('list', { name: 'Task history' })
  await expect(history.getByRole('link', { name: id })).toBeVisible()
  await expect(history).toContainText('eleven-multilingual-v2 · completed')
  await page.getByLabel('Search history').fill('no-such-task-here')
  await expect(history).toHaveText('No task in the history matches.')
})

test('a shared watchlist link opens foxwatch watching its tasks, and holds no key', async ({ page, context }) => {
  const ids = [await settledDemoTask('demo-image'), await settledDemoTask('demo-chat')] as const
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/')
  await new TaskPage(page).useKey('sk-secret-never-shared')
  await page.getByLabel('Task ID', { exact: true }).fill(ids.join('\n'))
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await page.getByRole('button', { name: 'Copy link to this watchlist' }).click()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toContain(`watch=${encodeURIComponent(ids.join(','))}`)
  expect(link).not.toContain('sk-secret')

  const other = await context.browser()?.newContext()
  const fresh = await other?.newPage()
  if (!fresh || !other) throw new Error('no second browser context')
  await fresh.goto(link)
  await expect(fresh).toHaveURL(/\/$/)
  await expect(fresh.getByRole('table', { name: 'Watched tasks' }).getByRole('link')).toHaveText([...ids])
  await other.close()
})

test('on a phone each watched task is a card that fits the screen, with its facts labelled', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const ids = [await settledDemoTask('demo-image'), await settledDemoTask('demo-failed')] as const
  await page.goto(`/?watch=${ids.join(',')}`)
  const table = page.getByRole('table', { name: 'Watched tasks' })
  await expect(table.getByTestId('watch-status')).toHaveText(['Completed', 'Failed'])
  // Nothing scrolls sideways: not the page, not the list.
  const overflow = await page.evaluate(() => {
    const list = document.querySelector('[data-watchlist]')?.parentElement
    return { page: document.documentElement.scrollWidth - window.innerWidth, list: list ? list.scrollWidth - list.clientWidth : -1 }
  })
  expect(overflow).toEqual({ page: 0, list: 0 })
  // The column headings are hidden there, so each fact says what it is; the table stays a table.
  const first = table.getByRole('row').filter({ hasText: ids[0] })
  await expect(table.getByRole('columnheader', { name: 'Model' })).toBeAttached()
  const label = await first.getByRole('cell').filter({ hasText: 'gemini' }).evaluate((cell) => getComputedStyle(cell, '::before').content)
  expect(label).toBe('"Model"')
  const box = await first.boundingBox()
  expect(box?.width).toBeLessThanOrEqual(390)
})


test('a row whose task needs a key says "Needs key", not "asking…", and only running rows show progress', async ({ page }) => {
  const running = await heldDemoTask('demo-slow')
  const done = await settledDemoTask('demo-image')
  const real = uniqueId('fake-ok')
  await page.goto(`/?watch=${running},${done},${real}`)
  const table = page.getByRole('table', { name: 'Watched tasks' })
  await expect(table.getByTestId('watch-status')).toHaveText(['Pending', 'Completed', 'Needs key'])
  await expect(table).not.toContainText('asking…')
  await expect(table.getByRole('progressbar')).toHaveCount(1)
  await expect(table.getByRole('progressbar', { name: `Progress of ${running}` })).toBeVisible()
  // Nothing was asked of foxapi for the task that needs a key.
  expect(await upstreamQueries(real)).toEqual([])

  // One opened from a link, with no answer yet for want of a key, can still be added from its page.
  const another = uniqueId('fake-ok')
  await page.goto(`/tasks/${another}`)
  await expect(page.getByRole('alert')).toContainText('needs a foxapi API key')
  await page.getByRole('button', { name: 'Add to watchlist' }).click()
  await expect(page.getByRole('button', { name: 'Remove from watchlist' })).toBeVisible()
  await page.goto('/')
  await expect(table.getByTestId('watch-status')).toHaveText(['Needs key', 'Pending', 'Completed', 'Needs key'])
})

test('each row shows its kind of preview: a picture, a video frame, a play button, an answer\'s first line, an ID, a failure', async ({ page }) => {
  const kinds = ['image', 'video', 'audio', 'chat', 'kling-voice', 'failed', 'transcript'] as const
  const ids = await Promise.all(kinds.map((kind) => settledDemoTask(`demo-${kind}`)))
  const [image, video, audio, chat, voice, failed, transcript] = ids
  await page.goto(`/?watch=${ids.join(',')}`)
  const table = page.getByRole('table', { name: 'Watched tasks' })
  await expect(table.getByTestId('watch-status')).toHaveText(['Completed', 'Completed', 'Completed', 'Completed', 'Completed', 'Failed', 'Completed'])
  const row = (id: string | undefined) => table.getByRole('row').filter({ has: page.getByRole('link', { name: id ?? '', exact: true }) })
  await expect(row(image).getByRole('img', { name: `First result of ${image ?? ''}` })).toBeVisible()
  const frame = row(video).getByLabel(`First frame of the video of ${video ?? ''}`)
  await expect(frame).toBeVisible()
  await expect.poll(() => frame.evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThanOrEqual(1)
  const play = row(audio).getByRole('button', { name: `Play audio of ${audio ?? ''}` })
  await play.click()
  await expect(row(audio).getByRole('button', { name: `Pause audio of ${audio ?? ''}` })).toBeVisible()
  await row(audio).getByRole('button', { name: `Pause audio of ${audio ?? ''}` }).click()
  await expect(play).toBeVisible()
  await expect(row(chat)).toContainText('Polling a foxapi task')
  await expect(row(voice)).toContainText('829410375520931841')
  await expect(row(failed)).toContainText('The upstream provider rejected the input image')
  await expect(row(transcript)).toContainText('Welcome')
})
