// Screenshots of each page state, to look at before calling a change done and for the README.
// Start a server first (`FOXWATCH_DEMO_PACE=5 npm start`), then: `npx tsx scripts/take-screenshots.ts [base URL] [out dir]`.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts'

const base = process.argv[2] ?? 'http://127.0.0.1:4173'
const out = process.argv[3] ?? join(import.meta.dirname, '..', 'test-results', 'screenshots')
const executablePath = chromiumPath()

const run = Date.now().toString(36)
const watchlist = ['image', 'video', 'transcript', 'failed', 'pbr', 'slow'].map((kind) => `demo-${kind}-${run}w`).join(',')
const shots = [
  { name: 'home', path: '/', waitFor: 'Try a demo task' },
  { name: 'task-page', path: `/tasks/demo-pbr-${run}`, waitFor: 'Completed' },
  { name: 'images', path: `/tasks/demo-image-${run}`, waitFor: 'Completed' },
  { name: 'transcript', path: `/tasks/demo-transcript-${run}`, waitFor: 'Completed' },
  { name: 'chat', path: `/tasks/demo-chat-${run}`, waitFor: 'Completed' },
  { name: 'voice-clone', path: `/tasks/demo-voice-clone-${run}`, waitFor: 'Completed' },
  { name: 'failed', path: `/tasks/demo-failed-${run}`, waitFor: 'The task failed' },
  { name: 'processing', path: `/tasks/demo-slow-${run}`, waitFor: 'Processing' },
  { name: 'watchlist', path: `/?watch=${watchlist}`, waitFor: 'Copy link to this watchlist', settled: 5 },
  { name: 'watchlist-phone', path: `/?watch=${watchlist}`, waitFor: 'Copy link to this watchlist', settled: 5, width: 390 },
  { name: 'no-key-phone', path: '/tasks/task-unified-1757165031-uyujaw3d', waitFor: 'needs a foxapi API key', width: 390 },
]

mkdirSync(out, { recursive: true })
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width ?? 1280, height: 800 } })
    await page.goto(`${base}${shot.path}`)
    await page.getByText(shot.waitFor).first().waitFor({ timeout: 60_000 })
    if (shot.settled) {
      // A watchlist: wait until this many rows have settled, so the picture shows previews.
      await page.waitForFunction((count) =>
        [...document.querySelectorAll('[data-testid="watch-status"]')].filter((status) => /Completed|Failed/.test(status.textContent ?? '')).length >= count,
      shot.settled, { timeout: 60_000 })
    }
    // Let lazy renderers load and their images decode before the picture is taken.
    await page.waitForFunction(() =>
      !document.body.textContent?.includes('Loading the') && [...document.images].every((img) => img.complete))
    await page.screenshot({ path: join(out, `${shot.name}.png`), fullPage: true, animations: 'disabled' })
    await page.close()
    console.log(`${shot.name}.png`)
  }
} finally {
  await browser.close()
}
