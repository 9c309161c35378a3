// Benchmark: "Save all" of a task whose results total 1 GiB, served by a stand-in foxapi on
// loopback. Measures the foxwatch server's peak memory (VmHWM), the browser's peak memory (all of
// Chromium's processes), and the throughput against a plain loopback copy of the same bytes.
// Run: `npx tsx bench/save-all.ts [runs]`.
import { execFileSync, spawn } from 'node:child_process'
import { createWriteStream, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { get, createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts'
import { spread, waitForServer } from './bench-server.ts'

const RUNS = Number(process.argv[2] ?? 3)
const FILES = 4
const FILE_BYTES = 256 * 1024 * 1024
const UPSTREAM_PORT = 4260
const PORT = 4261
const BASE = `http://127.0.0.1:${PORT}`
const UPSTREAM = `http://127.0.0.1:${UPSTREAM_PORT}`
const STATIC = 'node_modules/.cache/foxwatch-bench'

const executablePath = chromiumPath()

// Incompressible bytes, made once and sent again and again: the stand-in holds 1 MiB, not 1 GiB.
const block = Buffer.alloc(1024 * 1024)
for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24

const upstream = createServer((req, res) => {
  const url = new URL(req.url ?? '/', UPSTREAM)
  if (url.pathname.startsWith('/files/')) {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(FILE_BYTES) })
    let sent = 0
    const more = () => {
      while (sent < FILE_BYTES) {
        sent += block.length
        if (!res.write(block)) return void res.once('drain', more)
      }
      res.end()
    }
    return more()
  }
  const id = decodeURIComponent(url.pathname.split('/').pop() ?? 'bench')
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify({
    id, object: 'video.generation.task', type: 'video', model: 'bench-video', status: 'completed', progress: 100,
    created: Math.floor(Date.now() / 1000), error: null, usage: { credits_reserved: 1 },
    results: Array.from({ length: FILES }, (_, i) => ({ url: `${UPSTREAM}/files/${id}-${i}.mp4`, content_type: 'video/mp4' })),
  }))
})
await new Promise<void>((resolve) => upstream.listen(UPSTREAM_PORT, '127.0.0.1', resolve))

/** Resident memory of the Chromium processes started by this script, in bytes, from /proc. */
function browserRss(): number {
  return treeRss(process.pid, (pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')
    } catch {
      return false
    }
  })
}

/** Resident memory of a process tree (those of its processes `counts` picks), in bytes. */
function treeRss(root: number, counts: (pid: number) => boolean = () => true): number {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    try {
      const parent = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1])
      children.set(parent, [...(children.get(parent) ?? []), pid])
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop() ?? 0
    try {
      if (counts(pid)) total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

function peakRss(pid: number): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
}

async function plainCopy(): Promise<number> {
  const target = join(tmpdir(), 'foxwatch-bench-copy')
  const started = performance.now()
  let bytes = 0
  for (let i = 0; i < FILES; i++) {
    await new Promise<void>((resolve, reject) => {
      get(`${UPSTREAM}/files/copy-${i}.mp4`, (response) => {
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length
        })
        pipeline(response, createWriteStream(target)).then(resolve, reject)
      }).on('error', reject)
    })
  }
  const seconds = (performance.now() - started) / 1000
  rmSync(target, { force: true })
  return bytes / seconds
}

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', STATIC, '--emptyOutDir'], { stdio: 'inherit' })

type Sample = { serverPeak: number; browserPeak: number; browserBase: number; throughput: number; copy: number; zipBytes: number }
const samples: Sample[] = []
for (let run = 0; run < RUNS; run++) {
  // node itself (not an npx wrapper), so /proc/<pid> is the server's own memory.
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(PORT), FOXWATCH_STATIC_DIR: STATIC, FOXAPI_BASE_URL: UPSTREAM, FOXAPI_API_KEY: 'sk-bench-only' },
    stdio: 'ignore',
  })
  await waitForServer(BASE)
  server.on('exit', (code) => {
    if (code) console.error(`the foxwatch server exited with ${code} (is port ${PORT} free?)`)
  })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
  const page = await browser.newPage()
  await page.goto(`${BASE}/tasks/bench-save-${run}`)
  await page.getByRole('button', { name: 'Save all' }).waitFor()
  const browserBase = browserRss()
  let browserPeak = browserBase
  const sampler = setInterval(() => {
    browserPeak = Math.max(browserPeak, browserRss())
  }, 100)
  const started = performance.now()
  const downloading = page.waitForEvent('download', { timeout: 600_000 })
  await page.getByRole('button', { name: 'Save all' }).click()
  const file = await downloading
  const path = await file.path()
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const zipBytes = statSync(path).size
  const serverPeak = server.pid ? peakRss(server.pid) : 0
  const copy = await plainCopy()
  samples.push({ serverPeak, browserPeak, browserBase, throughput: zipBytes / seconds, copy, zipBytes })
  console.log(`run ${run + 1}: zip ${(zipBytes / 2 ** 20).toFixed(0)} MiB in ${seconds.toFixed(1)} s`)
  } finally {
    await browser.close()
    server.kill('SIGTERM')
  }
}
upstream.close()

const mib = (n: number) => (n / 2 ** 20).toFixed(0)
function row(label: string, values: number[], unit: (n: number) => string) {
  const { median, min, max } = spread(values)
  console.log(`${label.padEnd(44)} ${unit(median).padStart(8)}   (min ${unit(min)}, max ${unit(max)})`)
}
console.log(`\nSave all of ${FILES} × ${mib(FILE_BYTES)} MiB over loopback, ${RUNS} runs, medians\n`)
row('server peak RSS (VmHWM), MiB', samples.map((s) => s.serverPeak), mib)
row('browser peak RSS, all processes, MiB', samples.map((s) => s.browserPeak), mib)
row('browser RSS growth during the save, MiB', samples.map((s) => s.browserPeak - s.browserBase), mib)
row('Save all throughput, MiB/s', samples.map((s) => s.throughput), mib)
row('plain loopback copy to disk, MiB/s', samples.map((s) => s.copy), mib)
row('Save all as % of the plain copy', samples.map((s) => (100 * s.throughput) / s.copy), (n) => n.toFixed(0))
process.exit(0)
