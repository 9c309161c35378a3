// Every demo scenario, opened by deep link, as a newcomer would see it.
import type { Locator } from '@playwright/test'
import { POLICY } from '../src/api/polling'
import { demoClock, expect, heldDemoTask, test } from './fixtures'

async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible()
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
}

async function expectPlayable(media: Locator) {
  await expect(media).toHaveAttribute('controls', '')
  // HAVE_METADATA or better: the browser fetched the source and can decode it.
  await expect.poll(() => media.evaluate((m: HTMLMediaElement) => m.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
}

test('the empty page lists the demo tasks, and one click watches a fresh one', async ({ page, taskPage }) => {
  await page.goto('/')
  const demo = page.getByRole('link', { name: /Watch demo: Three generated images/ })
  await expect(demo).toBeVisible()
  await demo.click()
  await expect(page).toHaveURL(/\/tasks\/demo-image-[a-z0-9]+$/)
  await expect(taskPage.status).toHaveText(/Pending|Processing|Completed/)
})

test('an image task goes from pending through processing to completed, then shows three loaded images', async ({ page, taskPage }) => {
  // The demo task stands still until the test moves it; the page's next check follows its clock.
  const id = await heldDemoTask('demo-image')
  await page.clock.install()
  await taskPage.open(id)
  await expect(taskPage.status).toHaveText('Pending')
  await expect(taskPage.progress).toHaveAttribute('aria-valuenow', '0')
  // The image scenario waits 1.5 s, then processes for 5 s: half way through is 50 %.
  await demoClock.advance(id, 1500 + 2500)
  await page.clock.runFor(POLICY.steadyMs)
  await expect(taskPage.status).toHaveText('Processing')
  await expect(taskPage.progress).toHaveAttribute('aria-valuenow', '50')
  await demoClock.settle(id)
  await page.clock.runFor(POLICY.steadyMs)
  await expect(taskPage.status).toHaveText('Completed')
  await expect(taskPage.progress).toHaveAttribute('aria-valuenow', '100')
  // Every status the page saw, in order.
  const changes = page.getByRole('list', { name: 'Status changes' }).getByRole('listitem')
  await expect(changes).toHaveText([/^Pending/, /^Processing/, /^Completed/])
  const images = page.getByRole('img', { name: /^Result \d of gemini/ })
  await expect(images).toHaveCount(3)
  for (const image of await images.all()) await expectLoaded(image)
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(3)
})

test('a seedance video plays, with its seed and Copy', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-video')
  await expectPlayable(page.locator('video'))
  await expect(page.getByText('1947203311', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Copy seed' })).toBeVisible()
})

test('text to speech gives a playable audio element', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-audio')
  await expectPlayable(page.locator('audio'))
})

test('a chat completion shows the answer, reasoning, finish reason and tokens', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-chat')
  await expect(page.getByRole('region', { name: 'Choice 1' }).getByRole('heading', { name: 'Polling a foxapi task' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Choice 1' }).getByText('Reasoning')).toBeVisible()
  await expect(page.getByText('Finish reason stop')).toBeVisible()
  await expect(page.getByText('Total 229')).toBeVisible()
})

test('a transcript shows speakers, words with their times, and audio events', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-transcript')
  const text = page.getByRole('region', { name: 'Transcript text' })
  await expect(text.getByText('Speaker 1').first()).toBeVisible()
  await expect(text.getByText('Speaker 2').first()).toBeVisible()
  await expect(text.getByText('(laughter)')).toBeVisible()
  const timeline = page.getByRole('group', { name: 'Word timeline' })
  await expect(timeline.getByRole('button', { name: /^Welcome, 0:00\.\d\d to 0:0\d\.\d\d/ })).toBeVisible()
})

test('PBR maps come grouped in the known order, each loaded', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-pbr')
  const maps = page.getByRole('region', { name: 'PBR maps' }).getByRole('img')
  await expect(maps).toHaveCount(5)
  const names = await maps.evaluateAll((images) => images.map((img) => img.getAttribute('alt')))
  expect(names).toEqual(['Base color map', 'Normal map', 'Roughness map', 'Metalness map', 'Height map'])
  for (const map of await maps.all()) await expectLoaded(map)
})

test('a material shows its texture apart and folds vendor map names in', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-material')
  await expectLoaded(page.getByRole('region', { name: 'Textures' }).getByRole('img', { name: 'Texture 1' }))
  const maps = page.getByRole('region', { name: 'PBR maps' })
  await expect(maps.getByText('(sent as albedo)')).toBeVisible()
  await expect(maps.getByText('(sent as displacement)')).toBeVisible()
})

const idScenarios = [
  { scenario: 'demo-voice-clone', id: 'foxwatch_demo_voice_20261126', what: 'MiniMax voice' },
  { scenario: 'demo-kling-voice', id: '829410375520931841', what: 'Kling voice' },
  { scenario: 'demo-sora-character', id: 'char_6924b1f0e3a4819c', what: 'Sora 2 character · Captain Fox' },
  { scenario: 'demo-phota-profile', id: 'prof_01KAXR7M3FQ2', what: 'PHOTA profile' },
]
for (const { scenario, id, what } of idScenarios) {
  test(`${scenario} shows its reusable ID with Copy ID`, async ({ page, taskPage }) => {
    await taskPage.openSettled(scenario)
    const ids = page.getByRole('region', { name: 'Reusable IDs' })
    await expect(ids.getByText(id, { exact: true })).toBeVisible()
    await expect(ids.getByText(what, { exact: true })).toBeVisible()
    await expect(ids.getByRole('button', { name: 'Copy ID' })).toBeVisible()
  })
}

test('the voice clone also offers its preview audio', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-voice-clone')
  await expectPlayable(page.locator('audio'))
})

test('a failed task shows its error code and message', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-failed', 'Failed')
  const error = page.getByRole('region', { name: 'Task error' })
  await expect(error).toContainText('generation_failed')
  await expect(error).toContainText('smaller than 300x300 pixels')
})

test('a cancelled task says so', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-cancelled', 'Cancelled')
  await expect(page.getByText('This task was cancelled')).toBeVisible()
})

test('the older output{url, urls} shape shows its images', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-legacy')
  const images = page.getByRole('img', { name: /^Result \d/ })
  await expect(images).toHaveCount(2)
  for (const image of await images.all()) await expectLoaded(image)
})

test('a model nobody knows is shown as raw JSON, never a blank', async ({ page, taskPage }) => {
  await taskPage.openSettled('demo-unknown')
  await expect(page.getByText('hologram', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Result 1 as JSON')).toContainText('"vertices": 20480')
})

test('a slow task keeps processing with progress rising', async ({ page, taskPage }) => {
  const id = await heldDemoTask('demo-slow')
  await demoClock.advance(id, 20_000)
  await page.clock.install()
  await taskPage.open(id)
  await expect(taskPage.status).toHaveText('Processing')
  const first = Number(await taskPage.progress.getAttribute('aria-valuenow'))
  await demoClock.advance(id, 60_000)
  await page.clock.runFor(POLICY.estimateCapMs)
  await expect.poll(async () => Number(await taskPage.progress.getAttribute('aria-valuenow'))).toBeGreaterThan(first)
  await expect(taskPage.status).toHaveText('Processing')
})
