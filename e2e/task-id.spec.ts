// The "Task ID" field: whatever a person pastes, it finds the ID or says why not.
import { expect, test } from './fixtures'

test('a pasted curl line opens the task it names', async ({ page, taskPage }) => {
  await page.goto('/')
  await taskPage.taskId.fill('curl -H "Authorization: Bearer sk-xyz" https://api.foxapi.cc/v1/tasks/demo-chat-curl1')
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await expect(page).toHaveURL(/\/tasks\/demo-chat-curl1$/)
  await expect(taskPage.status).toBeVisible()
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
