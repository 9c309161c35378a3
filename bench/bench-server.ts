// What the benchmarks share: building the page, starting a foxwatch server and waiting for it,
// and summing up runs.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions } from '@playwright/test'
import { build } from 'vite'

/** Resolves once the server at `base` answers; fails after `timeoutMs`. */
export async function waitForServer(base: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if ((await fetch(`${base}/api/config`)).ok) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the foxwatch server at ${base} did not start within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The middle value, and the extremes, of a set of runs. */
export function spread(values: readonly number[]): { median: number; min: number; max: number } {
  const sorted = values.toSorted((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN }
}

/**
 * What one benchmark process serves: the page built as `npm start` builds it (with the baseline
 * pages under bench-baseline/), and how to run the server. Each process builds its own copy,
 * since other runs (tests, other benchmarks) rebuild theirs at any moment.
 */
export type Build = {
  staticDir: string
  /** node's arguments to start the server. */
  serverArgs: string[]
  remove(): void
}

const SERVER_CONFIG = 'vite.server.config.ts'

/**
 * Builds the page into a folder of this process's own, and, with `baselines`, the baseline pages
 * (react alone; a fixed 1-second loop) into its bench-baseline/, served by the same server.
 * `npm start` compiles the server (vite.server.config.ts) and runs it with plain node; so does the
 * bench when that config exists, so memory and speed are those of what people run. The compiled
 * file sits one folder below the project, as dist-server/main.js does, so its relative paths hold.
 */
export async function buildPages({ baselines = true } = {}): Promise<Build> {
  const staticDir = `node_modules/.cache/foxwatch-bench-${process.pid}`
  const serverFile = `bench-results/foxwatch-server-${process.pid}.js`
  const remove = () => {
    rmSync(staticDir, { recursive: true, force: true })
    for (const name of existsSync('bench-results') ? readdirSync('bench-results') : []) {
      if (name.startsWith(`foxwatch-server-${process.pid}`)) rmSync(join('bench-results', name), { force: true })
    }
  }
  try {
    await build({ logLevel: 'warn', build: { outDir: resolve(staticDir), emptyOutDir: true } })
    let serverArgs = ['--import', 'tsx', 'server/main.ts']
    if (existsSync(SERVER_CONFIG)) {
      const name = basename(serverFile, '.js')
      await build({
        configFile: SERVER_CONFIG,
        logLevel: 'warn',
        build: {
          outDir: dirname(serverFile),
          emptyOutDir: false,
          rollupOptions: { output: { entryFileNames: `${name}.js`, chunkFileNames: `${name}-[name]-[hash].js` } },
        },
      })
      serverArgs = ['--enable-source-maps', serverFile]
    }
    if (baselines) {
      const root = resolve('bench/baseline')
      await build({
        configFile: false,
        logLevel: 'warn',
        root,
        base: '/bench-baseline/',
        build: {
          outDir: resolve(staticDir, 'bench-baseline'),
          emptyOutDir: true,
          target: 'es2022',
          rollupOptions: { input: { index: resolve(root, 'index.html'), loop: resolve(root, 'loop.html') } },
        },
      })
    }
    return { staticDir, serverArgs, remove }
  } catch (error) {
    remove()
    throw error
  }
}

export type Foxwatch = {
  base: string
  /** The server's own node process (no npm or npx wrapper), for /proc/<pid>. */
  pid: number
  stop(): Promise<void>
}

async function answers(base: string): Promise<boolean> {
  try {
    await fetch(`${base}/`, { signal: AbortSignal.timeout(1000) })
    return true
  } catch {
    return false
  }
}

/** Starts the server of `build` on loopback against `upstream`; a server key unless `apiKey` is ''. */
export async function startFoxwatch({ build, port, upstream, apiKey = 'sk-bench-only', env = {} }: {
  build: Build
  port: number
  upstream: string
  apiKey?: string
  env?: Record<string, string>
}): Promise<Foxwatch> {
  const base = `http://127.0.0.1:${port}`
  // Something left on the port would answer in the new server's place.
  if (await answers(base)) throw new Error(`port ${port} is in use: is another bench running?`)
  const child = spawn(process.execPath, build.serverArgs, {
    env: {
      ...process.env, HOST: '127.0.0.1', PORT: String(port), FOXWATCH_STATIC_DIR: build.staticDir, FOXAPI_BASE_URL: upstream,
      FOXAPI_API_KEY: apiKey, FOXWATCH_DEMO: '1', FOXWATCH_ACCESS_TOKEN: '', ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  // A bench that throws before stop() (no Chromium, say) must not leave the server on the port.
  const killOnExit = () => child.kill('SIGTERM')
  process.once('exit', killOnExit)
  let errors = ''
  child.stderr.setEncoding('utf8').on('data', (text: string) => (errors += text))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const early = exited.then(() => {
    throw new Error(`the foxwatch server on port ${port} exited: ${errors.trim() || 'no message'}`)
  })
  early.catch(() => {})
  try {
    await Promise.race([waitForServer(base), early])
  } catch (error) {
    child.kill('SIGTERM')
    throw error
  }
  return {
    base,
    pid: child.pid ?? 0,
    async stop() {
      process.off('exit', killOnExit)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/**
 * A fresh browser context (empty cache and storage) for one measurement. tsx compiles the bench
 * with esbuild's keepNames, which wraps named functions in a `__name(fn, "name")` helper; functions
 * handed to the page (init scripts, evaluate) carry those calls along, so the page gets a
 * do-nothing `__name` first.
 */
export async function newBenchContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options)
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
  return context
}
