// Measures the first issue's figures on this machine and prints them (medians of several runs):
//   - time from `npm start` to the page answering
//   - gzip size of the JavaScript a first page load fetches
//   - queries for one demo task from first query to settled, and in the 30 s after
// Run: `npm run measure` (takes about two minutes; uses port 4180).
import { spawn, type ChildProcess } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts'

const PORT = 4180
const BASE = `http://127.0.0.1:${PORT}`
const RUNS = 3

const executablePath = chromiumPath()

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
}

function summary(values: number[], unit: string): string {
  return `median ${median(values).toFixed(1)} ${unit} (min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}, n=${values.length})`
}

async function answering(): Promise<boolean> {
  try {
    return (await fetch(`${BASE}/`)).ok
  } catch {
    return false
  }
}

async function startServer(): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now()
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(PORT), FOXAPI_API_KEY: '' },
    stdio: 'ignore',
    detached: true,
  })
  while (!(await answering())) {
    if (performance.now() - started > 60_000) throw new Error('the server did not answer within 60 s')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return { child, ms: performance.now() - started }
}

function stop(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, 'SIGTERM')
}

async function firstLoadJsGzip(browser: Browser): Promise<number> {
  const page = await browser.newPage()
  const scripts: Promise<number>[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length))
    }
  })
  await page.goto(`${BASE}/`, { waitUntil: 'networkidle' })
  const sizes = await Promise.all(scripts)
  await page.close()
  return sizes.reduce((sum, size) => sum + size, 0)
}

async function queriesForOneTask(browser: Browser, scenario: string): Promise<{ toSettle: number; after: number; settleMs: number }> {
  const page = await browser.newPage()
  const id = `demo-${scenario}-measure${Math.random().toString(36).slice(2, 8)}`
  let queries = 0
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/tasks/${id}`) queries++
  })
  const opened = performance.now()
  await page.goto(`${BASE}/tasks/${id}`)
  await page.getByTestId('task-status').filter({ hasText: /Completed|Failed|Cancelled/ }).waitFor({ timeout: 60_000 })
  const settleMs = performance.now() - opened
  const toSettle = queries
  await new Promise((resolve) => setTimeout(resolve, 30_000))
  await page.close()
  return { toSettle, after: queries - toSettle, settleMs }
}

const startTimes: number[] = []
const jsSizes: number[] = []
const toSettle: number[] = []
const after: number[] = []
for (let run = 0; run < RUNS; run++) {
  const { child, ms } = await startServer()
  startTimes.push(ms)
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    jsSizes.push((await firstLoadJsGzip(browser)) / 1024)
    const results = await Promise.all(['image', 'video', 'chat'].map((scenario) => queriesForOneTask(browser, scenario)))
    for (const result of results) {
      toSettle.push(result.toSettle)
      after.push(result.after)
    }
  } finally {
    await browser.close()
    stop(child)
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
}

console.log(`npm start → page answering:              ${summary(startTimes, 'ms')}`)
console.log(`JS fetched by the first page load (gzip): ${summary(jsSizes, 'kB')}`)
console.log(`queries, first query to settled:          ${summary(toSettle, '')} (demo image, video, chat at pace 1)`)
console.log(`queries in the 30 s after settling:       ${summary(after, '')}`)
