// Benchmark: a generated 20,000-word transcript in the real page, in a real Chromium, against the
// real server and a stand-in foxapi on loopback. Compares the windowed views (the product) with
// rendering every word at once (`?transcript=render-all`).
// Run alone: `npx tsx bench/transcript.ts [runs]` (prints its own table); `npm run bench` runs it too.
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts'
import { buildPages, newBenchContext, spread, startFoxwatch } from './bench-server.ts'
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts'
import type { Figure } from './figures.ts'

type Marks = { firstWord: number; longTasks: number[]; loadTasks: Array<[number, number]> }
declare global {
  interface Window {
    __bench?: Marks
  }
}

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

/** `transcript-<words>-…`: a completed scribe-v2 task with that many words (the JSON made once). */
export function defineTranscriptTasks(upstream: FakeUpstream): void {
  const made = new Map<number, string>()
  upstream.define('transcript-', (id) => {
    const words = Number(/^transcript-(\d+)-/.exec(id)?.[1] ?? 20_000)
    let json = made.get(words)
    if (json === undefined) {
      json = JSON.stringify({
        id: '\u0000', object: 'audio.generation.task', type: 'audio', model: 'scribe-v2', status: 'completed', progress: 100,
        created: Math.floor(Date.now() / 1000), results: [generatedTranscript(words)], error: null, usage: { credits_reserved: 1 },
      })
      made.set(words, json)
    }
    return { body: json.replace('"\\u0000"', JSON.stringify(id)) }
  })
}

export type TranscriptSample = { firstRenderMs: number; renderAfterDataMs: number; loadLongestTaskMs: number; longestTaskMs: number; longestFrameMs: number; domNodes: number }

async function measureOnce(browser: Browser, base: string, words: number, renderAll: boolean, run: number): Promise<TranscriptSample> {
  const context = await newBenchContext(browser, { viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.addInitScript(() => {
    const marks: Marks = { firstWord: 0, longTasks: [], loadTasks: [] }
    window.__bench = marks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        marks.longTasks.push(entry.duration)
        marks.loadTasks.push([entry.startTime, entry.duration])
      }
    }).observe({ type: 'longtask', buffered: true })
    const observer = new MutationObserver(() => {
      if (!marks.firstWord && document.querySelector('[aria-label="Transcript text"] [data-word-index]')) {
        marks.firstWord = performance.now()
        observer.disconnect()
      }
    })
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }))
  })
  const id = `transcript-${words}-${renderAll ? 'all' : 'window'}-${run}-${Math.random().toString(36).slice(2, 7)}`
  await page.goto(`${base}/tasks/${id}${renderAll ? '?transcript=render-all' : ''}`)
  const text = page.getByRole('region', { name: 'Transcript text' })
  // Waited for through the page's own mark, looked at ten times a second: a locator's wait asks
  // the page for the accessible names of what it draws at every change, main-thread work of the
  // harness's own inside the span it measures.
  await page.waitForFunction(() => (window.__bench?.firstWord ?? 0) > 0, undefined, { polling: 100, timeout: 120_000 })
  // Let the first paint finish before measuring scrolling.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  const load = await page.evaluate(() => {
    const bench = window.__bench ?? { firstWord: 0, longTasks: [], loadTasks: [] }
    const loading = bench.loadTasks.filter(([start]) => start < bench.firstWord).map(([, duration]) => duration)
    const response = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/tasks/'))
    const responseEnd = response instanceof PerformanceResourceTiming ? response.responseEnd : 0
    return { firstWord: bench.firstWord, responseEnd, loadLongestTask: Math.max(0, ...loading), domNodes: document.getElementsByTagName('*').length }
  })
  // Scroll the text from top to bottom, a screenful a frame, timing frames and long tasks.
  const scroll = await text.evaluate(async (element) => {
    const bench = window.__bench ?? { firstWord: 0, longTasks: [], loadTasks: [] }
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
  await context.close()
  return {
    firstRenderMs: load.firstWord,
    renderAfterDataMs: load.firstWord - load.responseEnd,
    loadLongestTaskMs: load.loadLongestTask,
    longestTaskMs: Math.max(0, ...scroll.longTasks),
    longestFrameMs: scroll.longestFrame,
    domNodes: load.domNodes,
  }
}

export type TranscriptResults = Record<'windowed' | 'render-all', TranscriptSample[]>

/** Windowed and render-all, alternating, `runs` times each; transcript tasks must be defined. */
export async function measureTranscript(browser: Browser, base: string, { runs, words }: { runs: number; words: number }): Promise<TranscriptResults> {
  const results: TranscriptResults = { 'windowed': [], 'render-all': [] }
  for (let run = 0; run < runs; run++) {
    results.windowed.push(await measureOnce(browser, base, words, false, run))
    results['render-all'].push(await measureOnce(browser, base, words, true, run))
  }
  return results
}

export function transcriptFigures(results: TranscriptResults, words: number): Figure[] {
  const all = { label: 'render-all', samples: [] as number[] }
  const count = words.toLocaleString('en')
  return [
    {
      id: 'transcript-first-render-ms',
      title: `6. ${count}-word transcript: first render`,
      unit: 'ms',
      samples: results.windowed.map((s) => s.firstRenderMs),
      budget: { most: 300 },
      baseline: { ...all, samples: results['render-all'].map((s) => s.firstRenderMs) },
      note: 'since navigation, to the first word in the DOM; the task query itself included',
    },
    {
      id: 'transcript-load-longest-task-ms',
      title: `6. ${count}-word transcript: longest task while it loads`,
      unit: 'ms',
      samples: results.windowed.map((s) => s.loadLongestTaskMs),
      budget: { most: 50 },
      baseline: { ...all, samples: results['render-all'].map((s) => s.loadLongestTaskMs) },
      note: 'longtask entries (> 50 ms only; 0 = none) from navigation to the first word',
    },
    {
      id: 'transcript-scroll-longest-task-ms',
      title: `6. ${count}-word transcript: longest task scrolling`,
      unit: 'ms',
      samples: results.windowed.map((s) => s.longestTaskMs),
      budget: { most: 50 },
      baseline: { ...all, samples: results['render-all'].map((s) => s.longestTaskMs) },
      note: 'longtask entries (> 50 ms only; 0 = none) while scrolling end to end, a screenful a frame',
    },
  ]
}

function printTable(results: TranscriptResults, words: number, runs: number): void {
  const stats = (values: number[]) => {
    const { median, min, max } = spread(values)
    return `${median.toFixed(0).padStart(6)} (${min.toFixed(0)}–${max.toFixed(0)})`
  }
  console.log(`\n${words.toLocaleString('en')}-word transcript, ${runs} runs each, median (min–max); long tasks count only above 50 ms\n`)
  console.log('mode         first render ms   render after data ms   longest task loading ms   longest task scrolling ms   longest frame scrolling ms   DOM nodes')
  for (const [mode, samples] of Object.entries(results)) {
    console.log(`${mode.padEnd(12)} ${stats(samples.map((s) => s.firstRenderMs)).padEnd(17)} ${stats(samples.map((s) => s.renderAfterDataMs)).padEnd(22)} ${stats(samples.map((s) => s.loadLongestTaskMs)).padEnd(25)} ${stats(samples.map((s) => s.longestTaskMs)).padEnd(27)} ${stats(samples.map((s) => s.longestFrameMs)).padEnd(28)} ${stats(samples.map((s) => s.domNodes))}`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = Number(process.argv[2] ?? 5)
  const words = 20_000
  const build = await buildPages({ baselines: false })
  const upstream = await startFakeUpstream(4810)
  defineTranscriptTasks(upstream)
  const server = await startFoxwatch({ build, port: 4811, upstream: upstream.url })
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  try {
    printTable(await measureTranscript(browser, server.base, { runs, words }), words, runs)
  } finally {
    await browser.close()
    await server.stop()
    await upstream.close()
    build.remove()
  }
}
