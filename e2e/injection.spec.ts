// The injection corpus (src/testing/corpora/injections.ts) through the real page: markup in every text
// field and dangerous URLs in every link field, all at once per family, must neither run nor
// become a live link or source; hostile task IDs must reach foxapi as one encoded path segment,
// or be refused with a sentence. The unit tests try each string on its own.
import type { Page } from '@playwright/test'
import { DANGEROUS_URLS, HOSTILE_IDS, MARKUP, markupCases, urlCases, type InjectionCase } from '../src/testing/corpora/injections'
import { expect, scriptUpstream, test, uniqueId, upstreamQueries, type TaskPage } from './fixtures'
import { FAKE_UPSTREAM } from './ports'

const KEY = 'sk-test-e2e-injection'

/** Messages of dialogs that content opened (alert, confirm, prompt); any at all fails the test. */
let dialogs: string[] = []

/** A trap for `window.__pwned = …`: the payloads' way of saying they ran. */
test.beforeEach(async ({ page }) => {
  dialogs = []
  await page.addInitScript(() => {
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => undefined,
      set: (value: unknown) => {
        document.documentElement.dataset['pwned'] = String(value)
      },
    })
  })
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
})

test.afterEach(async ({ page }) => {
  expect(dialogs, 'dialogs opened by content').toEqual([])
  expect(await page.evaluate(() => document.documentElement.dataset['pwned']), 'window.__pwned was set').toBeUndefined()
})

/** Every link, source and handler in the page that content could have planted. */
function plantedThings(page: Page) {
  return page.evaluate(() => {
    const attributes = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'ping']
    const found: string[] = []
    // A renderer that threw would show its section's "could not be shown" sentence instead.
    if (/could not be shown/.test(document.body.textContent ?? '')) found.push('a renderer threw')
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`)
        if (!attributes.includes(attribute.name)) continue
        let scheme = 'unparseable'
        try {
          scheme = new URL(attribute.value, document.baseURI).protocol
        } catch {
          // counted as unparseable
        }
        if (!['http:', 'https:', 'mailto:'].includes(scheme)) found.push(`${element.tagName} ${attribute.name}=${attribute.value}`)
      }
    }
    // A script of a type the browser never runs (the server's JSON config block) is data.
    const runnable = ['', 'text/javascript', 'application/javascript', 'module']
    for (const script of document.scripts) {
      if (!script.src && runnable.includes(script.type.trim().toLowerCase())) found.push(`inline script: ${script.text.slice(0, 80)}`)
    }
    for (const tag of ['object', 'embed', 'base', 'meta[http-equiv]', 'svg[onload]', 'math']) {
      for (const element of document.querySelectorAll(tag)) found.push(element.outerHTML.slice(0, 80))
    }
    return found
  })
}

/** The key first, so the task's first query is already the one with the payload. */
async function openWithKey(taskPage: TaskPage, id: string) {
  await taskPage.keyInSession(KEY)
  await taskPage.open(id)
}

async function openScripted(taskPage: TaskPage, payload: unknown): Promise<string> {
  const id = uniqueId('inject')
  await scriptUpstream(id, [{ json: payload }])
  await openWithKey(taskPage, id)
  return id
}

/** Opens every folded part of the raw JSON, so nothing hostile stays undrawn. */
async function expandRawJson(page: Page) {
  const buttons = page.getByRole('button', { name: 'Expand all' })
  for (let i = 0; i < (await buttons.count()); i++) await buttons.nth(i).click()
}

test('the check for planted things finds a live link, a form target and a plugin element', async ({ page }) => {
  await page.goto('/')
  // Nothing here loads or runs by itself, so the page's policy has nothing to block.
  await page.evaluate(() => {
    const link = document.createElement('a')
    link.setAttribute('href', '\tjavascript:void 0')
    const form = document.createElement('form')
    form.setAttribute('action', 'vbscript:x')
    document.body.append(link, form, document.createElement('object'))
  })
  expect(await plantedThings(page)).toHaveLength(3)
})

const markup = MARKUP.join('\n')

for (const { name, payload, shownAsText } of markupCases(markup, `${FAKE_UPSTREAM}/files/markup/image-1.png`)) {
  test(`markup ${name} is shown as text and never runs`, async ({ page, taskPage }) => {
    const id = await openScripted(taskPage, payload)
    await expect(taskPage.status).toBeVisible()
    await expandRawJson(page)
    if (shownAsText) {
      // One line of it, drawn as text where a person reads it.
      await expect(page.getByText('<img src=x onerror="window.__pwned=1">').first()).toBeVisible()
    }
    // Open the raw response too: it is drawn from the same strings.
    await page.getByText('Raw JSON (last response)').click()
    await expect(page.getByText(/onerror=/).first()).toBeVisible()
    expect(await plantedThings(page)).toEqual([])
    // The other pages draw the same task again: the watchlist, the history and the ID shelf.
    await taskPage.addToWatchlist()
    await page.getByRole('link', { name: 'foxwatch' }).click()
    await expect(page.getByRole('link', { name: id }).first()).toBeVisible()
    expect(await plantedThings(page)).toEqual([])
    await taskPage.section('History')
    // (Listed under the ID the payload gives, which need not be the one asked for.)
    await expect(page.getByRole('list', { name: 'Task history' }).getByRole('link').first()).toBeVisible()
    expect(await plantedThings(page)).toEqual([])
    await taskPage.section('IDs')
    expect(await plantedThings(page)).toEqual([])
  })
}

for (const { name, payload } of urlCases(DANGEROUS_URLS)) {
  test(`dangerous URLs ${name} never become a link or a source`, async ({ page, taskPage }) => {
    await openScripted(taskPage, payload)
    await expect(taskPage.status).toHaveText('Completed')
    await expect(page.getByRole('heading', { name: 'Results', exact: true })).toBeVisible()
    // (No "Expand all" here: these results are shallow enough to open by themselves.)
    expect(await plantedThings(page)).toEqual([])
    // Clicking the words of a neutralised chat link does nothing either.
    const words = page.getByText('click me')
    if (await words.count()) await words.first().click()
    expect(await plantedThings(page)).toEqual([])
  })
}

test('a dangerous result URL is shown as text in the raw JSON', async ({ page, taskPage }) => {
  const [media] = urlCases(['javascript:window.__pwned=1'])
  await openScripted(taskPage, (media as InjectionCase).payload)
  await expect(page.getByRole('group', { name: 'Result 1 as JSON' }).getByText('"javascript:window.__pwned=1"')).toBeVisible()
  await expect(page.getByRole('link', { name: /javascript/ })).toHaveCount(0)
})

/** How an ID must arrive at foxapi: one encoded segment under /v1/tasks/, with or without the sync flag. */
function expectOneSegment(urls: readonly string[], id: string) {
  expect(urls.length).toBeGreaterThan(0)
  for (const url of urls) expect(url).toMatch(new RegExp(`^/v1/tasks/${escapeRegExp(encodeURIComponent(id))}(\\?sync_upstream=true)?$`))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

for (const { name, id } of HOSTILE_IDS) {
  test(`a task ID with ${name}, opened by its link, reaches foxapi as one encoded segment or is refused with a sentence`, async ({ page, taskPage }) => {
    await scriptUpstream(id, [{ json: { status: 'processing', progress: 10 } }])
    await openWithKey(taskPage, id)
    await expect(taskPage.taskId).toBeVisible()
    if (id.length > 512) {
      await expect(taskPage.alert).toContainText(`foxwatch did not ask foxapi: That task ID is ${id.length.toLocaleString('en')} characters long; a task ID is at most 512.`)
      expect(await upstreamQueries(id)).toEqual([])
      return
    }
    await expect(taskPage.status).toHaveText('Processing')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(id.replace(/\s+/g, ' '))
    expectOneSegment((await upstreamQueries(id)).map((query) => query.url), id)
    expect(await plantedThings(page)).toEqual([])
  })

  test(`a task ID with ${name}, typed into the Task ID field, is watched as one segment or refused with a sentence`, async ({ page, taskPage }) => {
    // Its own ID, so this test never shares the fake's counters with the one above.
    const typed = `${uniqueId('typed')}${id}`
    // The box takes many IDs, split at line breaks, commas, semicolons and spaces.
    const pieces = typed.split(/[\n,;\s]+/).filter(Boolean)
    await scriptUpstream(typed, [{ json: { status: 'processing', progress: 10 } }])
    const asked: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/tasks/')) asked.push(request.url())
    })
    await taskPage.keyInSession(KEY)
    await page.goto('/')
    await taskPage.taskId.fill(typed)
    await page.getByRole('button', { name: 'Watch', exact: true }).click()
    // The box refuses, or says what it added, or opens the one ID it found.
    const box = page.locator('form', { has: taskPage.taskId })
    const refusal = box.getByRole('alert')
    const added = box.getByRole('status')
    await expect.poll(async () => (await refusal.isVisible()) || (await added.isVisible()) || new URL(page.url()).pathname.startsWith('/tasks/')).toBe(true)
    if (await refusal.isVisible()) {
      await expect(refusal).toHaveText(/^(No task ID found in that text|That is [\d,]+ characters long; a task ID is at most 512)\./)
      expect(asked).toEqual([])
      expect(await upstreamQueries(typed)).toEqual([])
      return
    }
    if (pieces.length === 1) {
      await expect(taskPage.status).toHaveText('Processing')
      expectOneSegment((await upstreamQueries(typed)).map((query) => query.url), typed)
      return
    }
    // Split: the whole never reaches foxapi, and each piece asked for goes as one segment.
    await expect.poll(() => asked.length).toBeGreaterThan(0)
    for (const url of asked) {
      const segment = /^\/api\/tasks\/([^/]+)$/.exec(new URL(url).pathname)?.[1]
      expect(segment, url).toBeDefined()
      expect(pieces, url).toContain(decodeURIComponent(segment ?? ''))
    }
    expect(await upstreamQueries(typed)).toEqual([])
  })
}
