// Keyboard shortcuts: the habits people have, and `?` to learn them.
import type { Page } from '@playwright/test'
import { expect, settledDemoTask, test } from './fixtures'

/** Leaves any field, as a person would by clicking empty space, so keys are shortcuts again. */
async function leaveFields(page: Page) {
  await page.evaluate(() => {
    const focused = document.activeElement
    if (focused instanceof HTMLElement) focused.blur()
  })
}

test('/ focuses the Task ID field, j and k walk the watchlist, g goes home, ? lists them all', async ({ page, taskPage }) => {
  const first = await settledDemoTask('demo-image')
  const second = await settledDemoTask('demo-audio')
  await page.goto('/')
  await page.getByLabel('Task ID', { exact: true }).fill(`${first}\n${second}`)
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await leaveFields(page)
  const table = page.getByRole('table', { name: 'Watched tasks' })
  // As a person would, once the rows are there.
  await expect(table.getByRole('link')).toHaveCount(2)

  await page.keyboard.press('j')
  await expect(table.getByRole('link', { name: first })).toBeFocused()
  await page.keyboard.press('j')
  await expect(table.getByRole('link', { name: second })).toBeFocused()
  await page.keyboard.press('k')
  await expect(table.getByRole('link', { name: first })).toBeFocused()

  await page.keyboard.press('/')
  await expect(taskPage.taskId).toBeFocused()
  // Typing in a field is typing, not a shortcut.
  await page.keyboard.type('g?')
  await expect(taskPage.taskId).toHaveValue('g?')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await leaveFields(page)
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await expect(help.getByText('Focus the Task ID field')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()

  await taskPage.open(first)
  await expect(taskPage.status).toBeVisible()
  await leaveFields(page)
  await page.keyboard.press('g')
  await expect(page).toHaveURL(/\/$/)
})

test('s on a finished task page saves it all as one zip', async ({ page, taskPage }) => {
  const id = await taskPage.openSettled('demo-image')
  await leaveFields(page)
  const downloading = page.waitForEvent('download')
  await page.keyboard.press('s')
  expect((await downloading).suggestedFilename()).toBe(`${id}.zip`)
})
