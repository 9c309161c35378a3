// Every task link is a real link: a plain click changes the page in place, and Ctrl-click,
// Shift-click and the middle button leave this page where it is and open the task in a new tab
// or window, as links do everywhere.
import type { BrowserContext, Locator, Page } from '@playwright/test'
import { expect, settledDemoTask, test } from './fixtures'

/**
 * Clicks `link` so, and returns the page it opened; this page stays where it was, and nothing on
 * it stopped the browser's own handling of the click (seen last, at the window).
 */
async function openedElsewhere(page: Page, context: BrowserContext, link: Locator, how: Parameters<Locator['click']>[0]) {
  const before = page.url()
  await page.evaluate(() => {
    const seen: boolean[] = []
    Object.assign(window, { clicksPrevented: seen })
    for (const type of ['click', 'auxclick']) window.addEventListener(type, (event) => seen.push(event.defaultPrevented))
  })
  const [opened] = await Promise.all([context.waitForEvent('page'), link.click(how)])
  expect(page.url()).toBe(before)
  expect(await page.evaluate(() => (window as unknown as { clicksPrevented: boolean[] }).clicksPrevented), 'clicks prevented').not.toContain(true)
  return opened
}

/** Where a page opened by a click is. (Playwright's own page.url() stays empty for a tab the headless shell opened in the background.) */
function pathOf(opened: Page) {
  return expect.poll(() => opened.evaluate(() => location.pathname).catch(() => ''))
}

test('a watched task’s link opens in a new tab with Ctrl, a new window with Shift, and with the middle button', async ({ page, context }) => {
  const id = await settledDemoTask('demo-image')
  await page.goto(`/?watch=${id}`)
  const link = page.getByRole('table', { name: 'Watched tasks' }).getByRole('link', { name: id })
  await expect(link).toHaveAttribute('href', `/tasks/${id}`)
  const ways: Array<Parameters<Locator['click']>[0]> = [{ modifiers: ['ControlOrMeta'] }, { modifiers: ['Shift'] }, { button: 'middle' }]
  for (const how of ways) {
    const opened = await openedElsewhere(page, context, link, how)
    await pathOf(opened).toBe(`/tasks/${id}`)
    await opened.close()
  }
  // A plain click stays in this tab.
  await link.click()
  await expect(page).toHaveURL(new RegExp(`/tasks/${id}$`))
  expect(context.pages()).toHaveLength(1)
})

test('a demo task is a link to a fresh run, and a new one after each is opened', async ({ page, context }) => {
  // With something watched, the demo tasks are folded away below the watchlist.
  await page.goto(`/?watch=${await settledDemoTask('demo-chat')}`)
  const folded = page.locator('details').filter({ hasText: 'Try a demo task' })
  await folded.getByText('Try a demo task').click()
  const demo = page.getByRole('link', { name: /Watch demo: Three generated images/ })
  const first = await demo.getAttribute('href')
  expect(first).toMatch(/^\/tasks\/demo-image-[a-z0-9]+$/)
  const opened = await openedElsewhere(page, context, demo, { modifiers: ['ControlOrMeta'] })
  await pathOf(opened).toBe(first)
  await opened.close()
  // The next open is another run.
  await expect(demo).not.toHaveAttribute('href', first ?? '')
  const second = await demo.getAttribute('href')
  await demo.click()
  await expect(page).toHaveURL(new RegExp(`${second}$`))
})

test('the foxwatch name in the header is a link home that opens elsewhere with Ctrl too', async ({ page, context, taskPage }) => {
  await taskPage.open('demo-chat-home1')
  // As a person would, once the page is there: a Ctrl-click 0.2 s after load once opened no tab
  // (in one npm test of many; the cause is not known, see the issue note).
  await expect(taskPage.status).toBeVisible()
  const home = page.getByRole('link', { name: 'foxwatch' })
  const opened = await openedElsewhere(page, context, home, { modifiers: ['ControlOrMeta'] })
  await pathOf(opened).toBe('/')
  await opened.close()
  await home.click()
  await expect(page).toHaveURL(/\/$/)
})
