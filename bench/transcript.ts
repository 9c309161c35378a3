// Benchmark: a generated 20,000-word transcript in the real page, in a real Chromium, against the
// real server and a stand-in foxapi on loopback. Compares the windowed views (the product) with
// rendering every word at once (`?transcript=render-all`).
// Run: `npx tsx bench/transcript.ts [runs]`. Prints a table; medians with min and max.
import { execFileSync, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { chromium, type Browser } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts'
import { spread, waitForServer } from './bench-server.ts'

type Marks = { firstWord: number; longTasks: number[] }
declare global {
  interface Window {
    __bench?: Marks
  }
}

const WORDS = 20_000
const RUNS = Number(process.argv[2] ?? 5)
const UPSTREAM_PORT = 4250
const PORT = 4251
const BASE = `http://127.0.0.1:${PORT}`
const STATIC = 'node_modules/.cache/foxwatch-bench'

const executablePath = chromiumPath()

const VOCABULARY = 'the task results are ready and the links expire after a day so save them before they are gone while the video renders we talk about textures maps voices and transcripts'.split(' ')

/** A scribe-v2 result: two speakers taking turns, spacing between words, now and then a laugh. */
function generatedTranscript(count: number) {
  const words: Array<Record<string, unknown>> = []
  let clock = 0.3
  let speaker = 0
  let turnLeft = 40
  for (let i = 0; i < count; i++) {
    if (turnLeft-- === 0) {
      speaker = 1 - speaker
      turnLeft = 20 + ((i * 7919) % 90)
      clock += 0.6
      if (i % 500 === 0) {
        words.push({ text: '(laughter)', start: clock, end: clock + 1.2, type: 'audio_event', speaker_id: `speaker_${speaker}` })
        clock += 1.4
      }
    }
    const length = 0.18 + ((i * 31) % 17) / 100
    const text = VOCABULARY[(i * 13) % VOCABULARY.length] ?? 'word'
    words.push({ text, start: round(clock), end: round(clock + length), type: 'word', speaker_id: `speaker_${speaker}`, logprob: -((i % 9) / 100) })
    clock += length
    words.push({ text: ' ', start: round(clock), end: round(clock + 0.08), type: 'spacing', speaker_id: `speaker_${speaker}` })
    clock += 0.08
  }
  return { text: words.filter((w) => w.type === 'word').map((w) => w.text).join(' '), language_code: 'en', language_probability: 0.99, words }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

const task = JSON.stringify({
  id: 'bench', object: 'audio.generation.task', type: 'audio', model: 'scribe-v2', status: 'completed', progress: 100,
  created: Math.floor(Date.now() / 1000), results: [generatedTranscript(WORDS)], error: null, usage: { credits_reserved: 1 },
})

const upstream = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(task.replace('"id":"bench"', `"id":${JSON.stringify(decodeURIComponent(req.url?.split('/').pop()?.split('?')[0] ?? 'bench'))}`))
})
await new Promise<void>((resolve) => upstream.listen(UPSTREAM_PORT, '127.0.0.1', resolve))

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', STATIC, '--emptyOutDir'], { stdio: 'inherit' })
const server = spawn('npx', ['tsx', 'server/main.ts'], {
  env: {
    ...process.env, PORT: String(PORT), FOXWATCH_STATIC_DIR: STATIC, FOXAPI_BASE_URL: `http://127.0.0.1:${UPSTREAM_PORT}`,
    FOXAPI_API_KEY: 'sk-bench-only',
  },
  stdio: 'ignore',
  detached: true,
})
await waitForServer(BASE)

type Sample = { firstRenderMs: number; renderAfterDataMs: number; longestTaskMs: number; longestFrameMs: number; domNodes: number }

async function measure(browser: Browser, renderAll: boolean, run: number): Promise<Sample> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.addInitScript(() => {
    const marks: Marks = { firstWord: 0, longTasks: [] }
    window.__bench = marks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
    const observer = new MutationObserver(() => {
      if (!marks.firstWord && document.querySelector('[aria-label="Transcript text"] [data-word-index]')) {
        marks.firstWord = performance.now()
        observer.disconnect()
      }
    })
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }))
  })
  await page.goto(`${BASE}/tasks/bench-${renderAll ? 'all' : 'window'}-${run}${renderAll ? '?transcript=render-all' : ''}`)
  const text = page.getByRole('region', { name: 'Transcript text' })
  await text.locator('[data-word-index]').first().waitFor({ timeout: 120_000 })
  // Let the first paint finish before measuring scrolling.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  const load = await page.evaluate(() => {
    const bench = window.__bench ?? { firstWord: 0, longTasks: [] }
    const response = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/tasks/'))
    const responseEnd = response instanceof PerformanceResourceTiming ? response.responseEnd : 0
    const tasks = bench.longTasks.length
    return { firstWord: bench.firstWord, responseEnd, tasksBefore: tasks, domNodes: document.getElementsByTagName('*').length }
  })
  // Scroll the text from top to bottom, a screenful a frame, timing frames and long tasks.
  const scroll = await text.evaluate(async (element) => {
    const bench = window.__bench ?? { firstWord: 0, longTasks: [] }
    const before = bench.longTasks.length
    let longestFrame = 0
    let last = performance.now()
    while (element.scrollTop + element.clientHeight < element.scrollHeight - 2) {
      element.scrollTop += element.clientHeight
      await new Promise((resolve) => requestAnimationFrame(resolve))
      const now = performance.now()
      longestFrame = Math.max(longestFrame, now - last)
      last = now
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
    return { longestFrame, longTasks: bench.longTasks.slice(before) }
  })
  await page.close()
  return {
    firstRenderMs: load.firstWord,
    renderAfterDataMs: load.firstWord - load.responseEnd,
    longestTaskMs: Math.max(0, ...scroll.longTasks),
    longestFrameMs: scroll.longestFrame,
    domNodes: load.domNodes,
  }
}

function stats(values: number[]): string {
  const { median, min, max } = spread(values)
  return `${median.toFixed(0).padStart(6)} (${min.toFixed(0)}–${max.toFixed(0)})`
}

const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
const results: Record<'windowed' | 'render-all', Sample[]> = { 'windowed': [], 'render-all': [] }
try {
  for (let run = 0; run < RUNS; run++) {
    results.windowed.push(await measure(browser, false, run))
    results['render-all'].push(await measure(browser, true, run))
  }
} finally {
  await browser.close()
  if (server.pid) process.kill(-server.pid, 'SIGTERM')
  upstream.close()
}

console.log(`\n${WORDS.toLocaleString('en')}-word transcript, ${RUNS} runs each, median (min–max); long tasks count only above 50 ms\n`)
console.log('mode         first render ms   render after data ms   longest task scrolling ms   longest frame scrolling ms   DOM nodes')
for (const [mode, samples] of Object.entries(results)) {
  console.log(`${mode.padEnd(12)} ${stats(samples.map((s) => s.firstRenderMs)).padEnd(17)} ${stats(samples.map((s) => s.renderAfterDataMs)).padEnd(22)} ${stats(samples.map((s) => s.longestTaskMs)).padEnd(27)} ${stats(samples.map((s) => s.longestFrameMs)).padEnd(28)} ${stats(samples.map((s) => s.domNodes))}`)
}
process.exit(0)
