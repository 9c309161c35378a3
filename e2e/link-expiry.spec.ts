// The expiry clock at chosen times: the page clock is moved, the demo task's `created` is not.
import { expect, settledDemoTask, test } from './fixtures'

const HOUR = 60 * 60 * 1000

test('the link clock counts down from created + 24 h, warns in the last two hours, then says expired', async ({ page, taskPage }) => {
  await page.clock.install()
  await taskPage.open(await settledDemoTask('demo-image'))
  const expiry = page.getByTestId('link-expiry')
  await page.clock.runFor(10_000)
  await expect(taskPage.status).toHaveText('Completed')
  await expect(expiry).toHaveText(/^Result links expire in 23 h 59 min/)
  await expect(expiry).not.toHaveAttribute('role', 'status')

  await page.clock.fastForward(22 * HOUR)
  await expect(expiry).toHaveText(/^⚠ Result links expire in 1 h 59 min\. Save what you need now\.$/)

  await page.clock.fastForward(2 * HOUR)
  await expect(expiry).toHaveText(/^Result links expired \d+ s ago/)
})

test('a task with no links has no clock', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-kling-voice')
  await expect(page.getByTestId('link-expiry')).toHaveCount(0)
})
