// The transcript renderer as a person uses it: play along, click to seek, search, export.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { expect, test, type TaskPage } from './fixtures'

const Transcript = z.object({
  words: z.array(z.object({ text: z.string(), start: z.number(), end: z.number(), type: z.string() })),
})
const transcript = Transcript.parse(JSON.parse(readFileSync(new URL('../server/demo/assets/transcript.json', import.meta.url), 'utf8')))
const spoken = transcript.words.filter((word) => word.type !== 'spacing')

async function openTranscript(taskPage: TaskPage) {
  await taskPage.openSettled('demo-transcript')
  await expect(taskPage.page.getByRole('group', { name: 'Word timeline' })).toBeVisible()
}

test('playing the audio moves the current word in the text and on the timeline', async ({ page, taskPage }) => {
  await openTranscript(taskPage)
  await page.getByRole('button', { name: "Use the demo's audio" }).click()
  const audio = page.getByLabel('Transcript audio')
  // Muted playback needs no user gesture in any browser.
  await audio.evaluate(async (element: HTMLAudioElement) => {
    element.muted = true
    await element.play()
  })
  const reading = page.getByRole('region', { name: 'Transcript text' })
  const current = reading.locator('[aria-current="true"]')
  await expect(current).toHaveCount(1, { timeout: 10_000 })
  const first = await current.textContent()
  await expect.poll(() => current.textContent(), { timeout: 10_000 }).not.toBe(first)
  // The timeline lights the same word.
  const lit = page.getByRole('group', { name: 'Word timeline' }).locator('[aria-current="true"]')
  await expect(lit).toHaveCount(1)
  await audio.evaluate((element: HTMLAudioElement) => element.pause())
  await expect.poll(async () => (await lit.getAttribute('aria-label'))?.split(',')[0]).toBe(await current.textContent())
})

test('clicking a word seeks the audio there', async ({ page, taskPage }) => {
  await openTranscript(taskPage)
  await page.getByRole('button', { name: "Use the demo's audio" }).click()
  const audio = page.getByLabel('Transcript audio')
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.readyState)).toBeGreaterThanOrEqual(1)
  const word = spoken.find((w) => w.text === 'Twenty')
  expect(word).toBeDefined()
  await page.getByRole('region', { name: 'Transcript text' }).getByText('Twenty', { exact: true }).click()
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeCloseTo(word?.start ?? -1, 1)
  await expect(page.getByRole('region', { name: 'Transcript text' }).locator('[aria-current="true"]')).toHaveText('Twenty')
})

test('a chosen local audio file plays along', async ({ page, taskPage }) => {
  await openTranscript(taskPage)
  await page.getByLabel('Choose the audio file…').setInputFiles(new URL('../server/demo/assets/transcript.mp3', import.meta.url).pathname)
  await expect(page.getByText('Playing transcript.mp3')).toBeVisible()
  await expect.poll(() => page.getByLabel('Transcript audio').evaluate((element: HTMLAudioElement) => element.duration)).toBeGreaterThan(60)
})

test('search counts matches, marks them on the timeline and jumps between them', async ({ page, taskPage }) => {
  await openTranscript(taskPage)
  await page.getByLabel('Search the transcript').fill('links')
  await expect(page.getByText('2 matches')).toBeVisible()
  await expect(page.getByRole('img', { name: '2 search matches along the transcript' }).getByTestId('match-marker')).toHaveCount(2)
  await page.getByRole('button', { name: 'Next match' }).click()
  await expect(page.getByText('1 of 2 matches')).toBeVisible()
  await page.getByLabel('Search the transcript').press('Enter')
  await expect(page.getByText('2 of 2 matches')).toBeVisible()
})

test('a timeline word shows its times and confidence when focused, and zoom changes the scale', async ({ page, taskPage }) => {
  await openTranscript(taskPage)
  const timeline = page.getByRole('group', { name: 'Word timeline' })
  const welcome = timeline.getByRole('button', { name: /^Welcome, 0:00\.\d\d to 0:00\.\d\d, \d+% confidence$/ })
  await welcome.focus()
  await expect(page.getByRole('status').filter({ hasText: /^Welcome, 0:00/ })).toBeVisible()
  const width = await welcome.evaluate((element) => element.getBoundingClientRect().width)
  await page.getByRole('button', { name: 'Zoom in' }).click()
  await expect(page.getByText('90 px per second')).toBeVisible()
  // Zoom keeps the middle of the view in place; go back to the start to find the word again.
  await timeline.evaluate((element) => element.scrollTo({ left: 0 }))
  await expect.poll(() => welcome.evaluate((element) => element.getBoundingClientRect().width)).toBeGreaterThan(width * 1.3)
})

test('the SRT export parses and its cue times match the words', async ({ page, taskPage }) => {
  await openTranscript(taskPage)
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export SRT' }).click()
  const file = await downloading
  expect(file.suggestedFilename()).toMatch(/^demo-transcript-.+\.srt$/)
  const srt = readFileSync(await file.path(), 'utf8')
  const blocks = srt.trim().split(/\n\n+/)
  expect(blocks.length).toBeGreaterThan(10)
  const seconds = (stamp: string) => {
    const [h, m, rest] = stamp.split(':')
    return Number(h) * 3600 + Number(m) * 60 + Number(rest?.replace(',', '.'))
  }
  let previousEnd = 0
  blocks.forEach((block, i) => {
    const [number, times, ...text] = block.split('\n')
    expect(number).toBe(String(i + 1))
    const match = /^(\d\d:\d\d:\d\d,\d{3}) --> (\d\d:\d\d:\d\d,\d{3})$/.exec(times ?? '')
    expect(match, times).not.toBeNull()
    const start = seconds(match?.[1] ?? '')
    const end = seconds(match?.[2] ?? '')
    expect(end).toBeGreaterThan(start)
    expect(start).toBeGreaterThanOrEqual(previousEnd - 0.001)
    previousEnd = end
    // The cue starts exactly when its first word does, and ends when a word ends.
    const firstWord = text.join(' ').split(' ')[0]
    expect(spoken.some((w) => w.text === firstWord && Math.abs(w.start - start) < 0.0015), `${firstWord} at ${start}`).toBe(true)
    expect(spoken.some((w) => Math.abs(w.end - end) < 0.0015), `a word ending at ${end}`).toBe(true)
  })
})
