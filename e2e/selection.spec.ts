// Acting on many watched tasks at once: tick boxes, x, Shift for a range, the bar's Save, Keep,
// Copy and Remove, and the totals line with the credits foxapi reserved.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { unzipSync } from 'fflate'
import { expect, heldDemoTask, settledDemoTask, test } from './fixtures'

async function watch(page: Page, ids: readonly string[]) {
  await page.goto('/')
  await page.getByLabel('Task ID', { exact: true }).fill(ids.join('\n'))
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Watched tasks' }).getByRole('link')).toHaveText([...ids])
}

const bar = (page: Page) => page.getByRole('group', { name: 'Selected tasks' })
const box = (page: Page, id: string) => page.getByRole('checkbox', { name: `Select ${id}` })

test('the totals line counts running, done and failed tasks and the credits they reserved', async ({ page }) => {
  const ids = [await settledDemoTask('demo-image'), await settledDemoTask('demo-failed'), await heldDemoTask('demo-slow'), await settledDemoTask('demo-chat')]
  await watch(page, ids)
  await expect(page.getByTestId('watch-status')).toHaveText(['Completed', 'Failed', /Pending|Processing/, 'Completed'])
  await expect(page.getByTestId('watchlist-totals')).toHaveText(/^1 running · 2 done · 1 failed · \d+ credits reserved$/)
  // Filtering counts only what is shown.
  await page.getByLabel('Status', { exact: true }).selectOption('failed')
  await expect(page.getByTestId('watchlist-totals')).toHaveText(/^1 failed · \d+ credits? reserved$/)
})

test('tick boxes, Shift for a range and x select rows; Copy IDs and Remove selected act on them', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const ids = await Promise.all(['demo-image', 'demo-chat', 'demo-audio', 'demo-video', 'demo-failed'].map((prefix) => settledDemoTask(prefix)))
  await watch(page, ids)
  await expect(bar(page)).toHaveCount(0)

  await box(page, ids[0] ?? '').click()
  await box(page, ids[2] ?? '').click({ modifiers: ['Shift'] })
  await expect(bar(page)).toContainText('3 selected')
  await expect(page.locator('tr[data-selected]')).toHaveCount(3)

  // x on a row in focus: j moves to the rows' links, x ticks the one in focus.
  await page.getByRole('heading', { name: 'Watchlist' }).click()
  for (let n = 0; n < 4; n++) await page.keyboard.press('j')
  await expect(page.getByRole('link', { name: ids[3] ?? '' })).toBeFocused()
  await page.keyboard.press('x')
  await expect(box(page, ids[3] ?? '')).toBeChecked()
  await expect(bar(page)).toContainText('4 selected')
  // x again clears it, and Shift-click clears a range as it selects one.
  await page.keyboard.press('x')
  await expect(box(page, ids[3] ?? '')).not.toBeChecked()
  await box(page, ids[1] ?? '').click()
  await expect(bar(page)).toContainText('2 selected')
  await box(page, ids[0] ?? '').click({ modifiers: ['Shift'] })
  await expect(bar(page)).toContainText('1 selected')
  await expect(box(page, ids[2] ?? '')).toBeChecked()

  await page.getByRole('checkbox', { name: 'Select all shown' }).check()
  await expect(bar(page)).toContainText('5 selected')
  await bar(page).getByRole('button', { name: 'Copy IDs' }).click()
  await expect(bar(page).getByRole('button', { name: 'Copy IDs' })).toContainText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ids.join('\n'))

  await box(page, ids[4] ?? '').uncheck()
  await box(page, ids[0] ?? '').uncheck()
  await expect(page.getByRole('checkbox', { name: 'Select all shown' })).toHaveJSProperty('indeterminate', true)
  await bar(page).getByRole('button', { name: 'Remove selected' }).click()
  await expect(page.getByRole('table', { name: 'Watched tasks' }).getByRole('link')).toHaveText([ids[0] ?? '', ids[4] ?? ''])
  await expect(bar(page)).toHaveCount(0)
})

test('Save selected makes one zip with a folder per task, and says which had nothing to save yet', async ({ page }) => {
  const image = await settledDemoTask('demo-image')
  const transcript = await settledDemoTask('demo-transcript')
  const waiting = await heldDemoTask('demo-slow')
  await watch(page, [image, transcript, waiting])
  await expect(page.getByTestId('watch-status')).toHaveText(['Completed', 'Completed', /Pending|Processing/])
  await page.getByRole('checkbox', { name: 'Select all shown' }).check()

  const downloading = page.waitForEvent('download')
  await bar(page).getByRole('button', { name: 'Save selected' }).click()
  const file = await downloading
  expect(file.suggestedFilename()).toBe('foxwatch-3-tasks.zip')
  const entries = unzipSync(new Uint8Array(readFileSync(await file.path())))
  const names = Object.keys(entries)
  expect(names).toEqual(expect.arrayContaining([
    'task.json', 'manifest.json', `${image}/task.json`, `${transcript}/task.json`, `${transcript}/transcript.srt`, `${waiting}/task.json`,
  ]))
  expect(names.filter((name) => name.startsWith(`${image}/`) && name !== `${image}/task.json`).length).toBeGreaterThan(0)
  const index = JSON.parse(new TextDecoder().decode(entries['task.json'])) as { tasks: Array<{ id: string; folder: string }> }
  expect(index.tasks.map((task) => task.id)).toEqual([image, transcript, waiting])
  await expect(bar(page).getByRole('status')).toHaveText('Saving 3 tasks as one zip.')
})

test('Keep selected keeps the completed ones in this browser and says what it left out', async ({ page, taskPage }) => {
  const image = await settledDemoTask('demo-image')
  const failed = await settledDemoTask('demo-failed')
  await watch(page, [image, failed])
  await expect(page.getByTestId('watch-status')).toHaveText(['Completed', 'Failed'])
  await page.getByRole('checkbox', { name: 'Select all shown' }).check()
  await bar(page).getByRole('button', { name: 'Keep selected' }).click()
  await expect(bar(page).getByRole('status')).toHaveText('Kept 1 of 1 in this browser. 1 is not completed and was left out.')
  await taskPage.section('Kept')
  await expect(page.getByRole('main')).toContainText(image)
  await expect(page.getByRole('main')).not.toContainText(failed)
})
