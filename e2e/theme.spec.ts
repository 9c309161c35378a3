// Light and dark: the system's choice by default, or the person's, kept across reloads.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test('the theme follows the system until the person picks one, which sticks', async ({ page, taskPage }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/')
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  const dark = await background(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
  expect(await background(page)).not.toBe(dark)

  await taskPage.openSettings()
  await page.getByLabel('Theme').selectOption('dark')
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  expect(await background(page)).toBe(dark)
  await taskPage.openSettings()
  await page.getByLabel('Theme').selectOption('system')
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
})
