// The ID shelf: IDs seen are kept, labelled, exported, and survive a reload.
import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

test('a voice ID lands on the shelf, takes a label, survives a reload and exports as JSON', async ({ page, taskPage }) => {
  const taskId = await taskPage.openSettled('demo-kling-voice')
  await taskPage.section('IDs')
  await expect(page).toHaveURL(/\/ids$/)

  const shelf = page.getByRole('list', { name: 'Saved IDs' })
  await expect(shelf.getByText('829410375520931841')).toBeVisible()
  await expect(shelf.getByRole('link', { name: taskId })).toBeVisible()
  const label = shelf.getByLabel('Label for 829410375520931841')
  await label.fill('Narrator, warm')
  await label.press('Enter')

  await page.reload()
  await expect(page.getByRole('list', { name: 'Saved IDs' }).getByLabel('Label for 829410375520931841')).toHaveValue('Narrator, warm')

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export JSON' }).click()
  const file = await downloading
  const exported: unknown = JSON.parse(readFileSync(await file.path(), 'utf8'))
  expect(exported).toEqual([expect.objectContaining({
    id: '829410375520931841', field: 'voice_id', idKind: 'kling-voice', label: 'Narrator, warm', taskId, model: 'kling-video-create-voice',
  })])
})

test('the same ID seen twice is kept once, and Remove takes it off', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-sora-character')
  await taskPage.addToWatchlist()
  await taskPage.openSettled('demo-sora-character')
  await taskPage.addToWatchlist()
  await page.goto('/')
  // Both watched tasks known here (a reload right after a finish may ask again, decision 0012),
  // so no answer still on its way puts the ID back on the shelf after Remove.
  await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')).toHaveText(['Completed', 'Completed'])
  await taskPage.section('IDs')
  const shelf = page.getByRole('list', { name: 'Saved IDs' })
  await expect(shelf.getByText('char_6924b1f0e3a4819c')).toHaveCount(1)
  await expect(shelf.getByLabel('Label for char_6924b1f0e3a4819c')).toHaveValue('Captain Fox')
  await page.getByRole('button', { name: 'Remove char_6924b1f0e3a4819c from the shelf' }).click()
  await expect(page.getByText('No IDs yet')).toBeVisible()
})
