// The "Task ID" field: whatever a person pastes, it finds the ID or says why not.
import { expect, test } from './fixtures'

test('a pasted curl line opens the task it names', async ({ page, taskPage }) => {
  await page.goto('/')
  await taskPage.taskId.fill('curl -H "Authorization: Bearer sk-xyz" https://api.foxapi.cc/v1/tasks/demo-chat-curl1')
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await expect(page).toHaveURL(/\/tasks\/demo-chat-curl1$/)
  await expect(taskPage.status).toBeVisible()
})

test('several IDs in the box are all added to the watchlist, and it says how many', async ({ page, taskPage }) => {
  await page.goto('/')
  // Regression: three IDs with commas between them were refused as "No task ID found".
  await taskPage.taskId.fill('demo-image-many1, demo-audio-many2, demo-chat-many3')
  await taskPage.taskId.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: '3 tasks added.' })).toBeVisible()
  await expect(page).toHaveURL(/\/$/)
  await expect(taskPage.taskId).toHaveValue('')
  const links = page.getByRole('table', { name: 'Watched tasks' }).getByRole('link')
  await expect(links).toHaveText(['demo-image-many1', 'demo-audio-many2', 'demo-chat-many3'])
  // Shift+Enter starts a new line instead of sending.
  await taskPage.taskId.fill('demo-image-many1')
  await taskPage.taskId.press('Shift+Enter')
  await taskPage.taskId.pressSequentially('demo-audio-many2')
  await expect(taskPage.taskId).toHaveValue('demo-image-many1\ndemo-audio-many2')
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'No new tasks: all 2 already watched.' })).toBeVisible()
  await expect(links).toHaveCount(3)
})

test('text with no ID in it is refused with a sentence, and nothing is requested', async ({ page, taskPage }) => {
  await page.goto('/')
  const requests: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/tasks/')) requests.push(request.url())
  })
  await taskPage.taskId.fill('hello there, this is not an id')
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await expect(taskPage.alert).toHaveText(/No task ID found in that text/)
  await expect(page).toHaveURL(/\/$/)
  expect(requests).toEqual([])
})

test('back and forward move between watched tasks', async ({ page, taskPage }) => {
  await taskPage.open('demo-image-nav1')
  await expect(taskPage.status).toBeVisible()
  await taskPage.taskId.fill('demo-audio-nav2')
  await taskPage.taskId.press('Enter')
  await expect(page.getByRole('heading', { name: 'demo-audio-nav2' })).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('heading', { name: 'demo-image-nav1' })).toBeVisible()
  await expect(taskPage.taskId).toHaveValue('demo-image-nav1')
})
