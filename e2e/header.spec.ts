// The header keeps to what is used every minute: the pages, the Task ID box, a small key control
// and one Settings button.
import { expect, test } from './fixtures'

test('the key is a small control: Demo mode and Add key, then only its ends and Forget key', async ({ page }) => {
  await page.goto('/')
  const banner = page.getByRole('banner')
  await expect(banner).toContainText('Demo mode')
  await expect(page.getByLabel('API key', { exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: 'Add key' }).click()
  await expect(page.getByLabel('API key', { exact: true })).toBeFocused()
  await page.getByLabel('API key', { exact: true }).fill('sk-test-header-0123456789')
  await page.getByRole('button', { name: 'Use key' }).click()
  await expect(banner.getByText('sk-te…89', { exact: true })).toBeVisible()
  await expect(banner).not.toContainText('0123456')
  await expect(banner).not.toContainText('Demo mode')
  await page.getByRole('button', { name: 'Forget key' }).click()
  await expect(banner).toContainText('Demo mode')
})

test('Sync, Auto-keep, Notify, Sound and Theme are behind Settings, which closes on a click outside', async ({ page, taskPage }) => {
  await page.goto('/')
  const settings = ['Sync with provider', 'Auto-keep', 'Notify', 'Sound']
  for (const name of settings) await expect(page.getByRole('checkbox', { name })).toHaveCount(0)
  await taskPage.openSettings()
  for (const name of settings) await expect(page.getByRole('checkbox', { name })).toBeVisible()
  await expect(page.getByLabel('Theme')).toBeVisible()
  await page.getByRole('checkbox', { name: 'Sound' }).check()
  await page.getByRole('heading', { name: 'Watchlist' }).click()
  await expect(page.getByRole('group', { name: 'Settings' })).toHaveCount(0)
  await taskPage.openSettings()
  await expect(page.getByRole('checkbox', { name: 'Sound' })).toBeChecked()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('a task’s results start on the first screen', async ({ page, taskPage }) => {
    await taskPage.openSettled('demo-image')
    const results = page.getByRole('heading', { name: 'Results', exact: true })
    await expect(results).toBeVisible()
    const box = await results.boundingBox()
    // Not a tolerance: "start on the first screen" means the heading and at least the first
    // 100 px of the first result are inside the 844 px screen, not just the heading at its edge.
    const FIRST_RESULT_PX = 100
    expect(box?.y ?? Infinity).toBeLessThan(844 - FIRST_RESULT_PX)
  })
})
