// Done means noticed, when the person asked for more: a notification and a chime on a finish,
// with the browser's permission asked for on the click, never on load.
import type { Page } from '@playwright/test'
import { POLICY } from '../src/api/polling'
import { demoClock, expect, heldDemoTask, setHidden, test } from './fixtures'

type Heard = { asked: number; notifications: Array<{ title: string; body: string }>; tones: number }

/**
 * Listens in on the browser's own Notification and Web Audio (each call still goes through to
 * Chromium), so the test can tell what the page asked for and what it played.
 */
async function listenIn(page: Page) {
  await page.addInitScript(() => {
    const heard: Heard = { asked: 0, notifications: [], tones: 0 }
    Object.defineProperty(window, '__heard', { value: heard })
    const RealNotification = window.Notification
    const askPermission = RealNotification.requestPermission.bind(RealNotification)
    class HeardNotification extends RealNotification {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options)
        heard.notifications.push({ title, body: options?.body ?? '' })
      }
      static override requestPermission(): Promise<NotificationPermission> {
        heard.asked += 1
        return askPermission()
      }
    }
    Object.defineProperty(window, 'Notification', { value: HeardNotification, configurable: true, writable: true })
    const createOscillator = AudioContext.prototype.createOscillator
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      const tone = createOscillator.call(this)
      const start = tone.start.bind(tone)
      tone.start = (when?: number) => {
        heard.tones += 1
        start(when)
      }
      return tone
    }
  })
}

function heard(page: Page): Promise<Heard> {
  return page.evaluate(() => (window as unknown as { __heard: Heard }).__heard)
}

test('permission for notifications is asked on the click, never on load', async ({ page, taskPage }) => {
  await listenIn(page)
  await page.goto('/')
  await taskPage.openSettings()
  const notify = page.getByRole('checkbox', { name: 'Notify' })
  await expect(notify).not.toBeChecked()
  expect((await heard(page)).asked).toBe(0)
  await notify.click()
  await expect.poll(async () => (await heard(page)).asked).toBe(1)
})

test('with Notify and Sound on, a task finishing in a hidden tab brings a notification and a chime', async ({ page, context, taskPage }) => {
  await context.grantPermissions(['notifications'])
  await listenIn(page)
  const id = await heldDemoTask('demo-image')
  await page.clock.install()
  await page.goto('/')
  await taskPage.openSettings()
  await page.getByRole('checkbox', { name: 'Notify' }).check()
  await page.getByRole('checkbox', { name: 'Sound' }).check()
  await page.keyboard.press('Escape')
  await page.getByLabel('Task ID', { exact: true }).fill(id)
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  // One ID opens its task; the watchlist is at home.
  await page.getByRole('link', { name: 'foxwatch' }).click()
  await expect(page.getByTestId('watch-status')).toHaveText('Pending')
  expect(await heard(page)).toMatchObject({ notifications: [], tones: 0 })
  await setHidden(page, true)
  await demoClock.settle(id)
  // A hidden tab checks at its slower pace; the page's clock is moved past it.
  await page.clock.runFor(POLICY.hiddenCapMs)
  await expect.poll(async () => (await heard(page)).notifications)
    .toEqual([{ title: 'foxwatch', body: `Task ${id} completed.` }])
  expect((await heard(page)).tones).toBe(1)
})
