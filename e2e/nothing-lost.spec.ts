// Nothing lost: the watchlist, the history, kept tasks and the ID shelf survive a reload, a server
// restart mid-poll, a full storage quota, and a second tab writing at the same moment.
import type { Page } from '@playwright/test'
import { expect, heldDemoTask, scriptUpstream, settledDemoTask, test, uniqueId } from './fixtures'
import { FAKE_UPSTREAM } from './ports'
import { OWN_SERVER_PORTS, ownServer } from './own-server'

const KEY = 'sk-test-nothing-lost'

const watchlistLinks = (page: Page) => page.getByRole('table', { name: 'Watched tasks' }).getByRole('link')
const historyLinks = (page: Page) => page.getByRole('list', { name: 'Task history' }).getByRole('link')
const keptLinks = (page: Page) => page.getByRole('table', { name: 'Kept tasks' }).getByRole('link')
const shelf = (page: Page) => page.getByRole('list', { name: 'Saved IDs' })

async function watch(page: Page, ids: readonly string[]) {
  await page.getByLabel('Task ID', { exact: true }).fill(ids.join('\n'))
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  // One ID opens its task; the watchlist is at home.
  if (ids.length === 1) await page.getByRole('link', { name: 'foxwatch' }).click()
}

async function label(page: Page, id: string, text: string) {
  const field = shelf(page).getByLabel(`Label for ${id}`)
  await field.fill(text)
  await field.press('Enter')
}

/** Fills this origin's localStorage to its last character, as a full disk or quota would. */
async function fillLocalStorage(page: Page) {
  await page.evaluate(() => {
    let size = 1 << 22
    let n = 0
    while (size > 0) {
      try {
        localStorage.setItem(`junk-${n++}`, 'x'.repeat(size))
      } catch {
        size >>= 1
      }
    }
  })
}

const freeLocalStorage = (page: Page) => page.evaluate(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('junk-')) localStorage.removeItem(key)
})

test('the watchlist, history, kept tasks and ID shelf all survive a reload', async ({ page, taskPage }) => {
  const image = await settledDemoTask('demo-image')
  const voice = await settledDemoTask('demo-kling-voice')
  const slow = await heldDemoTask('demo-slow')
  await taskPage.open(image)
  await expect(taskPage.status).toHaveText('Completed')
  await page.getByRole('button', { name: 'Keep in this browser' }).click()
  await expect(page.getByRole('status', { name: 'Kept in this browser' })).toBeVisible()
  await taskPage.addToWatchlist()
  await page.getByRole('link', { name: 'foxwatch' }).click()
  await watch(page, [voice, slow])
  await expect(page.getByRole('table', { name: 'Watched tasks' }).getByRole('row', { name: new RegExp(voice) }).getByTestId('watch-status'))
    .toHaveText('Completed')
  await taskPage.section('IDs')
  await label(page, '829410375520931841', 'Narrator')
  await taskPage.section('Watchlist')
  await page.getByRole('button', { name: `Stop watching ${image}` }).click()

  await expect(watchlistLinks(page)).toHaveText([voice, slow])
  await taskPage.section('History')
  await expect(historyLinks(page)).toContainText([image])
  await page.reload()
  for (const id of [image, voice, slow]) await expect(historyLinks(page).filter({ hasText: id })).toHaveCount(1)
  await taskPage.section('Watchlist')
  await expect(watchlistLinks(page)).toHaveText([voice, slow])
  await taskPage.section('Kept')
  await expect(keptLinks(page)).toHaveText([image])
  await taskPage.section('IDs')
  await expect(shelf(page).getByLabel('Label for 829410375520931841')).toHaveValue('Narrator')
})

test.describe('a server restart mid-poll', () => {
  const server = ownServer(OWN_SERVER_PORTS.nothingLost)
  test.beforeAll(() => server.start())
  test.afterAll(() => server.kill())

  test('the page says the server is gone, keeps every row, and carries on when it is back', async ({ page, taskPage }) => {
    const done = uniqueId('fake-ok')
    const polled = uniqueId('fake-restart')
    const pending = { id: polled, object: 'image.generation.task', type: 'image', model: 'fake-image-1', status: 'pending', progress: 0, created: Math.floor(Date.now() / 1000), results: null, error: null }
    await scriptUpstream(polled, [
      { json: pending },
      { json: { ...pending, status: 'processing', progress: 40 } },
      { json: { ...pending, status: 'completed', progress: 100, results: [{ url: `${FAKE_UPSTREAM}/files/${polled}.png`, content_type: 'image/png' }] } },
    ])
    await page.clock.install()
    await page.goto(`${server.url}/`)
    await taskPage.useKey(KEY)
    await watch(page, [done])
    // It settles as the page's clock runs (pending, processing, completed: a step an answer). How
    // many answers it has by now depends on whether its page asked before the way home did.
    await expect(async () => {
      await page.clock.runFor(1_100)
      await expect(page.getByTestId('watch-status')).toHaveText('Completed', { timeout: 500 })
    }).toPass({ timeout: 15_000 })

    // The polled task: open it, one answer (pending), then the server goes away.
    await page.getByLabel('Task ID', { exact: true }).fill(polled)
    await page.getByRole('button', { name: 'Watch', exact: true }).click()
    await expect(taskPage.status).toHaveText('Pending')
    await server.kill()
    await page.clock.runFor(1_100)
    await expect(taskPage.alert).toContainText('The foxwatch server is not answering. Is it still running?')
    await expect(taskPage.status).toHaveText('Pending')
    await page.clock.runFor(10_000)
    await expect(taskPage.alert).toContainText('not answering')
    await expect(taskPage.status).toHaveText('Pending')

    // Home, while it is down: every row is still there.
    await page.getByRole('link', { name: 'foxwatch' }).click()
    await expect(watchlistLinks(page)).toHaveText([polled, done])
    await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')).toHaveText(['Pending', 'Completed'])
    // The completed task's image view is a chunk the page has not fetched yet: asked for while the
    // server is down, that part says so, and the rest of the page stays.
    await watchlistLinks(page).filter({ hasText: done }).click()
    await expect(taskPage.status).toHaveText('Completed')
    await expect(page.getByRole('alert')).toContainText('The images view could not load: the foxwatch server did not send it (is it restarting?)')
    await expect(page.getByRole('link', { name: 'foxwatch' })).toBeVisible()

    await server.start()
    await page.getByRole('link', { name: 'foxwatch' }).click()
    await expect(watchlistLinks(page)).toHaveText([polled, done])
    // Polling picks up again on the page's clock: each turn moves it on, until the task settles.
    await expect(async () => {
      await page.clock.runFor(2_000)
      await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')).toHaveText(['Completed', 'Completed'], { timeout: 500 })
    }).toPass({ timeout: 30_000 })
    await watchlistLinks(page).filter({ hasText: polled }).click()
    await expect(taskPage.status).toHaveText('Completed')
    await page.getByRole('button', { name: 'Reload' }).click()
    await expect(taskPage.status).toHaveText('Completed')
    await expect(page.getByRole('img', { name: /^Result 1/ })).toBeVisible()
    await expect(taskPage.alert).toHaveCount(0)
    await page.getByRole('link', { name: 'foxwatch' }).click()
    await expect(watchlistLinks(page)).toHaveText([polled, done])
  })
})

test.describe('a full storage quota', () => {
  test('a change that cannot be stored stays on screen with a sentence, and nothing stored before is lost', async ({ page, taskPage }) => {
    const before = [await settledDemoTask('demo-image'), await settledDemoTask('demo-kling-voice')]
    await page.goto('/')
    await watch(page, before)
    await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')).toHaveText(['Completed', 'Completed'])
    await taskPage.section('IDs')
    await expect(shelf(page).getByLabel('Label for 829410375520931841')).toBeVisible()
    await taskPage.section('Watchlist')

    await fillLocalStorage(page)
    const during = await settledDemoTask('demo-image')
    await watch(page, [during])
    await expect(watchlistLinks(page)).toHaveText([during, ...before])
    await expect(page.getByRole('alert').filter({ hasText: 'refused to store a change to the watchlist' }))
      .toHaveText(/its storage is full or switched off\. It stays in this tab until it closes/)
    // The new task is watched all the same.
    await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status').first()).toHaveText('Completed')
    await taskPage.section('IDs')
    await label(page, '829410375520931841', 'Label while full')
    await expect(page.getByRole('alert').filter({ hasText: 'to the ID shelf' })).toBeVisible()
    await expect(shelf(page).getByLabel('Label for 829410375520931841')).toHaveValue('Label while full')
    // Its answers reach the history in this tab.
    await taskPage.section('History')
    await expect(historyLinks(page).filter({ hasText: during })).toHaveCount(1)
    await expect(page.getByRole('alert').filter({ hasText: 'to the history' })).toBeVisible()

    // Room again: the next change stores the waiting ones too.
    await freeLocalStorage(page)
    const after = await settledDemoTask('demo-failed')
    await taskPage.section('Watchlist')
    await watch(page, [after])
    await expect(page.getByRole('alert').filter({ hasText: 'refused to store' }).filter({ hasText: 'watchlist' })).toHaveCount(0)
    await page.reload()
    await expect(watchlistLinks(page)).toHaveText([after, during, ...before])
    await taskPage.section('IDs')
    await expect(shelf(page).getByLabel('Label for 829410375520931841')).toHaveValue('Label while full')
  })

  test('with storage full for good, a reload still has everything stored before it filled', async ({ page, taskPage }) => {
    const before = [await settledDemoTask('demo-image'), await settledDemoTask('demo-chat')]
    await page.goto('/')
    await watch(page, before)
    await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')).toHaveText(['Completed', 'Completed'])
    await fillLocalStorage(page)
    const refused = await settledDemoTask('demo-audio')
    await watch(page, [refused])
    await expect(watchlistLinks(page)).toHaveText([refused, ...before])
    await expect(page.getByRole('alert').filter({ hasText: 'refused to store a change to the watchlist' })).toBeVisible()
    await page.reload()
    // The addition was refused, and the page said so; everything stored before is there.
    await expect(watchlistLinks(page)).toHaveText(before)
    await taskPage.section('History')
    for (const id of before) await expect(historyLinks(page).filter({ hasText: id })).toHaveCount(1)
  })

  test("with the browser's quota shrunk to what is used, watching and polling go on and what was kept stays kept", async ({ page, taskPage }) => {
    const kept = await taskPage.openSettled('demo-image')
    await taskPage.addToWatchlist()
    await page.getByRole('button', { name: 'Keep in this browser' }).click()
    await expect(page.getByRole('status', { name: 'Kept in this browser' })).toBeVisible()

    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)
    const cdp = await page.context().newCDPSession(page)
    const origin = new URL(page.url()).origin
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 1024 })
    try {
      const next = await taskPage.openSettled('demo-audio')
      await taskPage.addToWatchlist()
      await page.getByRole('link', { name: 'foxwatch' }).click()
      await expect(watchlistLinks(page)).toHaveText([next, kept])
      await page.reload()
      await expect(watchlistLinks(page)).toHaveText([next, kept])
      await taskPage.section('Kept')
      await expect(keptLinks(page)).toHaveText([kept])
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin })
    }
  })
})

test.describe('a second tab writing at the same time', () => {
  test('two tabs adding different tasks at the same moment both keep theirs, round after round', async ({ context, page }) => {
    const other = await context.newPage()
    await page.goto('/')
    await other.goto('/')
    const added: string[] = []
    for (let round = 0; round < 6; round++) {
      const mine = uniqueId('fake-missing-a')
      const theirs = uniqueId('fake-missing-b')
      added.push(mine, theirs)
      await page.getByLabel('Task ID', { exact: true }).fill(mine)
      await other.getByLabel('Task ID', { exact: true }).fill(theirs)
      await Promise.all([
        page.getByRole('button', { name: 'Watch', exact: true }).click(),
        other.getByRole('button', { name: 'Watch', exact: true }).click(),
      ])
      // Each ID opens its task; the next is typed once that page is there, as a person would.
      await expect(page).toHaveTitle(new RegExp(mine))
      await expect(other).toHaveTitle(new RegExp(theirs))
    }
    // One ID opens its task; the watchlist is at home.
    for (const tab of [page, other]) await tab.getByRole('link', { name: 'foxwatch' }).click()
    for (const tab of [page, other]) {
      for (const id of added) await expect(watchlistLinks(tab).filter({ hasText: id }), id).toHaveCount(1)
    }
    await page.reload()
    for (const id of added) await expect(watchlistLinks(page).filter({ hasText: id }), id).toHaveCount(1)
    await other.close()
  })

  test('two tabs labelling different IDs on the shelf at the same moment both keep their label', async ({ context, page, taskPage }) => {
    await taskPage.openSettled('demo-kling-voice')
    await taskPage.openSettled('demo-sora-character')
    await page.goto('/ids')
    const other = await context.newPage()
    await other.goto('/ids')
    for (let round = 0; round < 4; round++) {
      await shelf(page).getByLabel('Label for 829410375520931841').fill(`voice ${round}`)
      await shelf(other).getByLabel('Label for char_6924b1f0e3a4819c').fill(`character ${round}`)
      await Promise.all([
        shelf(page).getByLabel('Label for 829410375520931841').press('Enter'),
        shelf(other).getByLabel('Label for char_6924b1f0e3a4819c').press('Enter'),
      ])
    }
    await page.reload()
    await other.reload()
    for (const tab of [page, other]) {
      await expect(shelf(tab).getByLabel('Label for 829410375520931841')).toHaveValue('voice 3')
      await expect(shelf(tab).getByLabel('Label for char_6924b1f0e3a4819c')).toHaveValue('character 3')
    }
    await other.close()
  })
})
