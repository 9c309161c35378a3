// Benchmarks of a cold load of the home page, each in a fresh browser context (empty cache):
//   - the JavaScript it fetches, gzip -9 of every script body (the server sends them uncompressed),
//     against react + react-dom alone built by the same Vite (bench/baseline/index.html);
//   - the time from navigation to interactive, against the same markup with no script at all.
// "Interactive" is the first animation frame in which the "Task ID" field is in the page, visible,
// enabled and owned by React (it carries React's props key, so its handlers are attached); the
// baseline needs only the first three. The time is performance.now() then, i.e. since navigation.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext } from '@playwright/test'
import { newBenchContext } from './bench-server.ts'
import type { Figure } from './figures.ts'

declare global {
  interface Window {
    __interactiveAt?: number
  }
}

/** Watches every frame for the Task ID field; needs no other script on the page. */
function watchInteractive(needsReact: boolean): void {
  const ready = () => {
    const label = Array.from(document.querySelectorAll('label')).find((element) => element.textContent?.trim() === 'Task ID')
    const field = label?.control
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || field.disabled || !field.checkVisibility()) return false
    return !needsReact || Object.keys(field).some((key) => key.startsWith('__reactProps$'))
  }
  const frame = () => {
    if (ready()) window.__interactiveAt = performance.now()
    else requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

type ScriptLoad = { gzipBytes: number; rawBytes: number; files: number; encoded: string[] }

/** Every script fetched until the network is idle, each body gzipped at level 9. */
async function scriptsOf(context: BrowserContext, url: string): Promise<ScriptLoad> {
  const page = await context.newPage()
  const bodies: Array<Promise<{ gzip: number; raw: number }>> = []
  const encoded: string[] = []
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? ''
    if (response.request().resourceType() !== 'script' && !/javascript/.test(type)) return
    const encoding = response.headers()['content-encoding']
    if (encoding) encoded.push(`${response.url()}: ${encoding}`)
    bodies.push(response.body().then((body) => ({ gzip: gzipSync(body, { level: 9 }).length, raw: body.length })))
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  const sizes = await Promise.all(bodies)
  await page.close()
  return {
    gzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
    rawBytes: sizes.reduce((sum, size) => sum + size.raw, 0),
    files: sizes.length,
    encoded,
  }
}

async function interactiveMs(browser: Browser, url: string, needsReact: boolean): Promise<number> {
  const context = await newBenchContext(browser)
  try {
    await context.addInitScript(watchInteractive, needsReact)
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(() => window.__interactiveAt !== undefined, undefined, { timeout: 30_000 })
    return await page.evaluate(() => window.__interactiveAt ?? NaN)
  } finally {
    await context.close()
  }
}

/**
 * The home page as it stands once loaded, with every script removed: the same markup and styles,
 * no app code. Written into the built page's folder so the same server sends it.
 */
async function writeShell(browser: Browser, base: string, staticDir: string): Promise<string> {
  const context = await newBenchContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${base}/`, { waitUntil: 'networkidle' })
    const html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true)
      if (!(copy instanceof HTMLElement)) return ''
      copy.querySelectorAll('script, link[rel="modulepreload"]').forEach((element) => element.remove())
      return `<!doctype html>\n${copy.outerHTML}`
    })
    mkdirSync(join(staticDir, 'bench-baseline'), { recursive: true })
    writeFileSync(join(staticDir, 'bench-baseline', 'shell.html'), html)
    return `${base}/bench-baseline/shell.html`
  } finally {
    await context.close()
  }
}

export async function measureFirstLoadJs(browser: Browser, base: string, runs: number): Promise<Figure[]> {
  const app: ScriptLoad[] = []
  const react: ScriptLoad[] = []
  for (let run = 0; run < runs; run++) {
    for (const [url, into] of [[`${base}/`, app], [`${base}/bench-baseline/index.html`, react]] as const) {
      const context = await newBenchContext(browser)
      try {
        into.push(await scriptsOf(context, url))
      } finally {
        await context.close()
      }
    }
  }
  const last = app.at(-1)
  const encoded = [...new Set(app.flatMap((load) => load.encoded))]
  return [{
    id: 'js-gzip',
    title: '1. JS fetched by a cold load of the home page, gzip -9',
    unit: 'kB',
    digits: 1,
    samples: app.map((load) => load.gzipBytes / 1000),
    budget: { most: 90 },
    baseline: { label: 'react + react-dom alone', samples: react.map((load) => load.gzipBytes / 1000) },
    note: `${last?.files ?? 0} script files, ${((last?.rawBytes ?? 0) / 1000).toFixed(1)} kB before gzip; `
      + (encoded.length ? `sent compressed: ${encoded.join(', ')}` : 'sent uncompressed by the server'),
  }]
}

export async function measureInteractive(browser: Browser, base: string, runs: number, staticDir: string): Promise<Figure[]> {
  const shell = await writeShell(browser, base, staticDir)
  const app: number[] = []
  const bare: number[] = []
  // One cold load first that is not counted: the first page of a fresh browser pays for its start.
  await interactiveMs(browser, `${base}/`, true)
  for (let run = 0; run < runs; run++) {
    app.push(await interactiveMs(browser, `${base}/`, true))
    bare.push(await interactiveMs(browser, shell, false))
  }
  return [{
    id: 'interactive-ms',
    title: '2. Navigation to an interactive home page',
    unit: 'ms',
    samples: app,
    budget: { most: 300 },
    baseline: { label: 'same markup, no app code', samples: bare },
    note: 'interactive = first frame with the "Task ID" field visible, enabled and owned by React (handlers attached)',
  }]
}
