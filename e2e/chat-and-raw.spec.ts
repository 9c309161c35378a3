// The chat view (markdown, raw HTML kept inert, tabs per choice, tool calls) and the JSON tree for
// results nobody knows yet, on the demo upstream.
import type { Page } from '@playwright/test'
import { expect, scriptUpstream, test, uniqueId, type TaskPage } from './fixtures'
import { FAKE_UPSTREAM } from './ports'

const ARGUMENTS = '{\n  "location": "Lisbon, PT",\n  "unit": "celsius",\n  "days": 2\n}'

async function openCompleted(taskPage: TaskPage, scenario: string): Promise<string> {
  return taskPage.openSettled(scenario)
}

/** What the injected markup in the demo answer would have set, had it run. */
function pwned(page: Page) {
  return page.evaluate(() => (window as Window & { __pwned?: unknown }).__pwned)
}

test.describe('a chat completion with a tool call and a rich second choice', () => {
  test('the first choice shows its tool call with formatted arguments, its finish reason and the token usage', async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'demo-chat-tools')
    const first = page.getByRole('tabpanel', { name: 'Choice 1' })
    await expect(first.getByText('Let me look up the current forecast for Lisbon.')).toBeVisible()
    await expect(first.getByText('Finish reason tool_calls')).toBeVisible()
    const call = first.getByRole('group', { name: 'Tool call get_weather' })
    await expect(call.getByText('get_weather', { exact: true })).toBeVisible()
    const args = call.getByLabel('Arguments of get_weather')
    await expect(args).toBeVisible()
    expect(await args.textContent()).toBe(ARGUMENTS)
    const results = page.getByRole('region', { name: 'Chat completion' })
    await expect(results.getByText('Prompt 118')).toBeVisible()
    await expect(results.getByText('Completion 264')).toBeVisible()
    await expect(results.getByText('Total 382')).toBeVisible()
  })

  test('tabs switch between the choices by click and by arrow keys', async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'demo-chat-tools')
    const tabs = page.getByRole('tablist', { name: 'Choices' })
    const one = tabs.getByRole('tab', { name: 'Choice 1' })
    const two = tabs.getByRole('tab', { name: 'Choice 2' })
    const panelOne = page.getByRole('tabpanel', { name: 'Choice 1' })
    const panelTwo = page.getByRole('tabpanel', { name: 'Choice 2' })
    await expect(one).toHaveAttribute('aria-selected', 'true')
    await expect(panelOne).toBeVisible()
    await expect(panelTwo).toBeHidden()

    await two.click()
    await expect(two).toHaveAttribute('aria-selected', 'true')
    await expect(one).toHaveAttribute('aria-selected', 'false')
    await expect(panelTwo.getByRole('heading', { name: 'Lisbon this weekend' })).toBeVisible()
    await expect(panelOne).toBeHidden()

    await page.keyboard.press('ArrowLeft')
    await expect(one).toBeFocused()
    await expect(one).toHaveAttribute('aria-selected', 'true')
    await expect(panelOne.getByRole('group', { name: 'Tool call get_weather' })).toBeVisible()
    await page.keyboard.press('ArrowRight')
    await expect(two).toBeFocused()
    await expect(panelTwo).toBeVisible()
    // The arrows wrap around, as the ARIA tabs pattern asks.
    await page.keyboard.press('ArrowRight')
    await expect(one).toBeFocused()
    await expect(panelOne).toBeVisible()
    await page.keyboard.press('End')
    await expect(two).toHaveAttribute('aria-selected', 'true')
  })

  test('the second choice renders its markdown: a real table, a code block with Copy, a safe link', async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'demo-chat-tools')
    await page.getByRole('tab', { name: 'Choice 2' }).click()
    const answer = page.getByRole('tabpanel', { name: 'Choice 2' })
    const table = answer.getByRole('table')
    await expect(table.getByRole('columnheader')).toHaveText(['day', 'high', 'low', 'rain'])
    await expect(table.getByRole('row', { name: /Saturday/ }).getByRole('cell')).toHaveText(['Saturday', '17 °C', '11 °C', 'showers'])
    const code = answer.getByRole('group', { name: 'Code block, python' })
    await expect(code.getByText('import requests')).toBeVisible()
    await expect(code.getByRole('button', { name: 'Copy code' })).toBeVisible()
    const link = answer.getByRole('link', { name: 'Open-Meteo' })
    await expect(link).toHaveAttribute('href', 'https://open-meteo.com/en/docs')
    await expect(link).toHaveAttribute('target', '_blank')
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    // A javascript: link keeps its words and loses its target.
    await expect(answer.getByText('this link does nothing')).toBeVisible()
    await expect(answer.getByRole('link', { name: 'this link does nothing' })).toHaveCount(0)
    await expect(answer.getByText('Reasoning', { exact: true })).toBeVisible()
  })

  test('raw HTML in the answer is shown as text and never runs', async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'demo-chat-tools')
    await page.getByRole('tab', { name: 'Choice 2' }).click()
    const answer = page.getByRole('tabpanel', { name: 'Choice 2' })
    await expect(answer.getByText('<img src=x onerror="window.__pwned=1">')).toBeVisible()
    await expect(answer.getByText('<script>window.__pwned=2</script>')).toBeVisible()
    await expect(page.getByRole('region', { name: 'Chat completion' }).getByRole('img')).toHaveCount(0)
    expect(await page.evaluate(() => [...document.images].some((img) => img.getAttribute('src') === 'x'))).toBe(false)
    expect(await page.evaluate(() => [...document.scripts].some((script) => script.text.includes('__pwned')))).toBe(false)
    expect(await pwned(page)).toBeUndefined()
    // Nor does clicking the neutralised javascript: link.
    await answer.getByText('this link does nothing').click()
    expect(await pwned(page)).toBeUndefined()
  })

  test('the raw toggle shows the literal markdown, and back; Copy as markdown copies it', async ({ page, taskPage, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await openCompleted(taskPage, 'demo-chat-tools')
    await page.getByRole('tab', { name: 'Choice 2' }).click()
    const answer = page.getByRole('tabpanel', { name: 'Choice 2' })
    await answer.getByRole('button', { name: 'Show raw text' }).click()
    const raw = answer.getByLabel('Answer as raw text')
    await expect(raw).toContainText('### Lisbon this weekend')
    await expect(raw).toContainText('| day | high | low | rain |')
    await expect(raw).toContainText('```python')
    await expect(answer.getByRole('table')).toHaveCount(0)
    expect(await pwned(page)).toBeUndefined()

    await answer.getByRole('button', { name: 'Show formatted' }).click()
    await expect(answer.getByRole('table')).toBeVisible()
    await expect(raw).toHaveCount(0)

    await answer.getByRole('button', { name: 'Copy as markdown' }).click()
    await expect(answer.getByRole('button', { name: /Copy as markdown.*Copied/ })).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('| Saturday | 17 °C | 11 °C | showers |')
  })
})

test.describe('a result of a shape nobody knows', () => {
  test('is a JSON tree whose objects and arrays fold and unfold', async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'demo-unknown')
    const tree = page.getByRole('group', { name: 'Result 1 as JSON' })
    const mesh = tree.getByRole('button', { name: /"mesh"/ })
    const tags = tree.getByRole('button', { name: /"tags"/ })
    await expect(mesh).toHaveAttribute('aria-expanded', 'true')
    await expect(tree.getByText('"vertices"')).toBeVisible()
    await expect(tree.getByText('20480', { exact: true })).toBeVisible()

    await mesh.click()
    await expect(mesh).toHaveAttribute('aria-expanded', 'false')
    await expect(mesh).toContainText('2 keys')
    await expect(tree.getByText('"vertices"')).toHaveCount(0)
    await mesh.click()
    await expect(mesh).toHaveAttribute('aria-expanded', 'true')
    await expect(tree.getByText('"vertices"')).toBeVisible()

    const card = page.getByRole('region', { name: 'Other results' })
    await card.getByRole('button', { name: 'Collapse all' }).click()
    await expect(mesh).toHaveAttribute('aria-expanded', 'false')
    await expect(tags).toHaveAttribute('aria-expanded', 'false')
    await expect(tree.getByText('"low-poly"')).toHaveCount(0)
    await card.getByRole('button', { name: 'Expand all' }).click()
    await expect(tags).toHaveAttribute('aria-expanded', 'true')
    await expect(tree.getByText('"low-poly"')).toBeVisible()
    await expect(card.getByRole('button', { name: 'Copy JSON' })).toBeVisible()
  })

  test('its preview URL is a link with an image preview and a Save that downloads the file', async ({ page, taskPage }) => {
    const id = await openCompleted(taskPage, 'demo-unknown')
    const tree = page.getByRole('group', { name: 'Result 1 as JSON' })
    const name = /\/demo\/files\/image-1\.png/
    const link = tree.getByRole('link', { name })
    await expect(link).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/demo\/files\/image-1\.png$/)
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    const image = tree.getByRole('img', { name: 'preview image' })
    await expect(image).toBeVisible()
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)

    // `has` is matched inside each list item, so its locator starts from the page, not the tree.
    const entry = tree.getByRole('listitem').filter({ has: page.getByRole('link', { name }) })
    const download = page.waitForEvent('download')
    await entry.getByRole('button', { name: 'Save' }).click()
    expect((await download).suggestedFilename()).toBe(`${id}-1-preview.png`)
  })
})

test('an image result with fields nobody expected shows the image and those fields beside it, as text', async ({ page, taskPage }) => {
  const id = uniqueId('fake-extra')
  await scriptUpstream(id, [{
    json: {
      id, object: 'image.generation.task', model: 'some-image-model', status: 'completed', progress: 100, created: Math.floor(Date.now() / 1000),
      results: [{ url: `${FAKE_UPSTREAM}/files/${id}.png`, content_type: 'image/png', width: 512, height: 512, note: 'made at <b>dawn</b>', foo: { bar: [1, 2] } }],
    },
  }])
  await taskPage.keyInSession('sk-test-e2e-extra')
  await taskPage.open(id)
  await expect(taskPage.status).toHaveText('Completed')
  const card = page.getByRole('figure').filter({ has: page.getByRole('img', { name: /^Result 1/ }) })
  await expect(card.getByRole('img', { name: /^Result 1/ })).toBeVisible()
  const extra = card.getByRole('definition')
  const fields = card.getByLabel('Other fields')
  await expect(fields.getByRole('term')).toHaveText(['note', 'foo'])
  await expect(extra).toHaveText(['made at <b>dawn</b>', '{"bar":[1,2]}'])
  // The known fields stay where they are read, not repeated as others.
  await expect(fields).not.toContainText('width')
})
