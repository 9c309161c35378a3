// The watchlist beside the task: on a wide screen the list stays in view with the open task
// marked, and j and k open the next and previous; on a phone the list is the home page, and a
// task opens full screen with a way back.
import { POLICY } from '../src/api/polling'
import { demoClock, expect, heldDemoTask, settledDemoTask, test } from './fixtures'

test('on a wide screen the watchlist stays beside the task, the open one marked, and j and k open the next and previous', async ({ page, taskPage }) => {
  const first = await settledDemoTask('demo-image')
  const second = await settledDemoTask('demo-audio')
  await page.goto(`/?watch=${first},${second}`)
  const table = page.getByRole('table', { name: 'Watched tasks' })
  await expect(table.getByTestId('watch-status')).toHaveText(['Completed', 'Completed'])
  await table.getByRole('link', { name: first }).click()

  const beside = page.getByRole('navigation', { name: 'Watchlist beside the task' })
  const row = (id: string) => beside.getByRole('link', { name: new RegExp(`^${id},`) })
  await expect(beside.getByRole('link')).toHaveCount(2)
  await expect(row(first)).toHaveAttribute('aria-current', 'page')
  await expect(row(second)).not.toHaveAttribute('aria-current')
  await expect(row(second)).toContainText('Completed')
  await expect(row(second)).toContainText('♪ audio')
  // A running one says how far it is and how long it has run; the settled ones how long they took, when seen.
  const running = await heldDemoTask('demo-slow')
  await demoClock.advance(running, 20_000)
  await taskPage.taskId.fill(running)
  await taskPage.taskId.press('Enter')
  await expect(row(running)).toContainText(/Processing\s*\d+% · (\d+ min )?\d+ s/)
  await expect(row(running)).toHaveAttribute('aria-current', 'page')
  await row(first).click()

  await page.keyboard.press('j')
  await expect(page).toHaveURL(new RegExp(`/tasks/${second}$`))
  await expect(row(second)).toHaveAttribute('aria-current', 'page')
  await expect(taskPage.status).toHaveText('Completed')
  await page.keyboard.press('k')
  await expect(page).toHaveURL(new RegExp(`/tasks/${first}$`))
  await expect(row(first)).toHaveAttribute('aria-current', 'page')
  // A click in the list opens that task beside it.
  await row(second).click()
  await expect(page).toHaveURL(new RegExp(`/tasks/${second}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(second)
})

test('a watched task that settles while another task is open brings a toast with a link, gone once looked at', async ({ page, taskPage }) => {
  const open = await settledDemoTask('demo-image')
  const other = await heldDemoTask('demo-audio')
  await page.clock.install()
  await page.goto(`/?watch=${open},${other}`)
  const table = page.getByRole('table', { name: 'Watched tasks' })
  await expect(table.getByTestId('watch-status')).toHaveText(['Completed', 'Pending'])
  await table.getByRole('link', { name: open }).click()
  await expect(taskPage.status).toHaveText('Completed')

  await demoClock.settle(other)
  // The list beside the task asks again at the policy's slowest; the page's clock is moved past it.
  await page.clock.runFor(POLICY.steadyMs)
  const toasts = page.getByRole('region', { name: 'Finished while you were elsewhere' })
  await expect(toasts).toContainText(`Task ${other} completed.`)
  await expect(page).toHaveTitle(/^\(1\) /)
  await toasts.getByRole('link', { name: 'Open it' }).click()
  await expect(page).toHaveURL(new RegExp(`/tasks/${other}$`))
  await expect(taskPage.status).toHaveText('Completed')
  await expect(toasts).toHaveCount(0)
  await expect(page).not.toHaveTitle(/^\(1\) /)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('the watchlist is the home page, a tap opens the task full screen, and ← Watchlist goes back', async ({ page, taskPage }) => {
    const id = await settledDemoTask('demo-image')
    await page.goto(`/?watch=${id}`)
    await page.getByRole('table', { name: 'Watched tasks' }).getByRole('link', { name: id }).tap()
    await expect(page).toHaveURL(new RegExp(`/tasks/${id}$`))
    await expect(taskPage.status).toHaveText('Completed')
    await expect(page.getByRole('navigation', { name: 'Watchlist beside the task' })).toHaveCount(0)
    await page.getByRole('link', { name: '← Watchlist' }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole('table', { name: 'Watched tasks' }).getByRole('link', { name: id })).toBeVisible()
  })
})
