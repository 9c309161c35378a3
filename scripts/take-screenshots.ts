// Screenshots of each page state, to look at before calling a change done and for the README.
// Start a server first (`FOXWATCH_DEMO_PACE=5 npm start`), then: `npx tsx scripts/take-screenshots.ts [base URL] [out dir] [--only states] [--looks looks]`.
// Each state at desktop (1280×900) and phone (390×844) size, light and dark.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts'

const base = process.argv[2] ?? 'http://127.0.0.1:4173'
const out = process.argv[3] ?? join(import.meta.dirname, '..', 'test-results', 'screenshots')
const executablePath = chromiumPath()

const run = Date.now().toString(36)
const watchlist = ['image', 'video', 'transcript', 'failed', 'pbr', 'slow', 'kling-voice', 'chat'].map((kind) => `demo-${kind}-${run}w`).join(',')
/** `status`: the task's own status badge must say this (the list beside it may say anything). */
type Shot = { name: string; path: string; waitFor: string; settled?: number; status?: string; act?: (page: Page) => Promise<void> }
/** In order, in one browser context per look: the first finds foxwatch empty; the watchlist fills the history and the ID shelf. */
const shots: Shot[] = [
  { name: 'home-empty', path: '/', waitFor: 'Try a demo task' },
  { name: 'watchlist', path: `/?watch=${watchlist}`, waitFor: 'Copy link to this watchlist', settled: 7 },
  {
    name: 'watchlist-selected', path: '/', waitFor: 'Copy link to this watchlist', settled: 7,
    act: async (page) => {
      for (const box of (await page.getByRole('checkbox', { name: /^Select demo-/ }).all()).slice(0, 3)) await box.check()
    },
  },
  { name: 'watchlist-no-match', path: '/?status=cancelled&sort=status', waitFor: 'No watched task matches' },
  { name: 'history', path: '/history', waitFor: 'Search history' },
  { name: 'kept', path: '/kept', waitFor: 'Nothing kept yet' },
  { name: 'ids', path: '/ids', waitFor: 'Export JSON' },
  { name: 'task-page', path: `/tasks/demo-pbr-${run}`, waitFor: 'Completed', status: 'Completed' },
  { name: 'images', path: `/tasks/demo-image-${run}`, waitFor: 'Completed', status: 'Completed' },
  { name: 'transcript', path: `/tasks/demo-transcript-${run}`, waitFor: 'Completed', status: 'Completed' },
  { name: 'chat', path: `/tasks/demo-chat-${run}`, waitFor: 'Completed', status: 'Completed' },
  { name: 'voice-clone', path: `/tasks/demo-voice-clone-${run}`, waitFor: 'Completed', status: 'Completed' },
  { name: 'failed', path: `/tasks/demo-failed-${run}`, waitFor: 'The task failed' },
  { name: 'processing', path: `/tasks/demo-slow-${run}`, waitFor: 'Processing', status: 'Processing' },
  { name: 'no-key', path: '/tasks/task-unified-1757165031-uyujaw3d', waitFor: 'needs a foxapi API key' },
]
const looks = [
  { name: 'desktop-light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  { name: 'desktop-dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
  { name: 'phone-light', viewport: { width: 390, height: 844 }, colorScheme: 'light' },
  { name: 'phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' },
] as const
/** `--only home-empty,watchlist` takes those states; `--looks phone-dark` those looks. */
const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? undefined : process.argv[at + 1]?.split(',')
}
const onlyShots = option('only')
const onlyLooks = option('looks')

mkdirSync(out, { recursive: true })
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
try {
  for (const look of looks.filter((l) => !onlyLooks || onlyLooks.includes(l.name))) {
    const context = await browser.newContext({ viewport: look.viewport, colorScheme: look.colorScheme })
    for (const shot of shots) {
      const page = await context.newPage()
      await page.goto(`${base}${shot.path}`)
      await page.getByText(shot.waitFor).first().waitFor({ timeout: 60_000 })
      if (shot.status) await page.getByTestId('task-status').getByText(shot.status).waitFor({ timeout: 60_000 })
      if (shot.settled) {
        // A watchlist: wait until this many rows have settled, so the picture shows previews.
        await page.waitForFunction((count) =>
          [...document.querySelectorAll('[data-testid="watch-status"]')].filter((status) => /Completed|Failed/.test(status.textContent ?? '')).length >= count,
        shot.settled, { timeout: 60_000 })
      }
      await shot.act?.(page)
      // Let lazy renderers load and their images decode before the picture is taken.
      await page.waitForFunction(() =>
        !document.body.textContent?.includes('Loading the') && [...document.images].every((img) => img.complete))
      if (!onlyShots || onlyShots.includes(shot.name)) {
        await page.screenshot({ path: join(out, `${shot.name}-${look.name}.png`), fullPage: true, animations: 'disabled' })
        console.log(`${shot.name}-${look.name}.png`)
      }
      await page.close()
    }
    await context.close()
  }
} finally {
  await browser.close()
}
