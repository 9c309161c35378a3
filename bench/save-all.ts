// Benchmark: "Save all" of a task whose results total 1 GiB, served by a stand-in foxapi on
// loopback. Measures the foxwatch server's peak memory (VmHWM), the browser's peak memory (all of
// Chromium's processes), and the throughput against a plain loopback copy of the same bytes.
// Each run starts its own server, so VmHWM is that run's peak.
// Run alone: `npx tsx bench/save-all.ts [runs]` (prints its own table); `npm run bench` runs it too.
import { createWriteStream, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts'
import { buildPages, spread, startFoxwatch, type Build } from './bench-server.ts'
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts'
import type { Figure } from './figures.ts'

/** Resident memory of the Chromium processes started by this process, in bytes, from /proc. */
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

/** `save-<files>x<bytes>-…`: a completed video task with that many result files of that size. */
export function defineSaveTasks(upstream: FakeUpstream): void {
  upstream.define('save-', (id) => {
    const [, files, bytes] = /^save-(\d+)x(\d+)-/.exec(id) ?? []
    return {
      body: {
        id, object: 'video.generation.task', type: 'video', model: 'bench-video', status: 'completed', progress: 100,
        created: Math.floor(Date.now() / 1000), error: null, usage: { credits_reserved: 1 },
        results: Array.from({ length: Number(files) }, (_, i) => ({ url: `${upstream.url}/files/${bytes}/${id}-${i}.mp4`, content_type: 'video/mp4' })),
      },
    }
  })
}

async function plainCopy(upstream: string, files: number, fileBytes: number): Promise<number> {
  const target = join(tmpdir(), `foxwatch-bench-copy-${process.pid}`)
  const started = performance.now()
  let bytes = 0
  for (let i = 0; i < files; i++) {
    await new Promise<void>((resolve, reject) => {
      get(`${upstream}/files/${fileBytes}/copy-${i}.mp4`, (response) => {
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

export type SaveSample = { serverPeak: number; serverBefore: number; browserPeak: number; browserBase: number; throughput: number; copy: number; zipBytes: number; seconds: number }

/** Save-all tasks must be defined on `upstream`; each run starts a server of `build` on `port`, and a browser. */
export async function measureSaveAll(build: Build, upstream: FakeUpstream, { runs, files, fileBytes, port, log = () => {} }: {
  runs: number
  files: number
  fileBytes: number
  port: number
  log?: (line: string) => void
}): Promise<SaveSample[]> {
  const samples: SaveSample[] = []
  for (let run = 0; run < runs; run++) {
    const server = await startFoxwatch({ build, port, upstream: upstream.url })
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage()
      await page.goto(`${server.base}/tasks/save-${files}x${fileBytes}-${run}-${Math.random().toString(36).slice(2, 7)}`)
      await page.getByRole('button', { name: 'Save all' }).waitFor()
      const serverBefore = peakRss(server.pid)
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
      const serverPeak = peakRss(server.pid)
      const copy = await plainCopy(upstream.url, files, fileBytes)
      samples.push({ serverPeak, serverBefore, browserPeak, browserBase, throughput: zipBytes / seconds, copy, zipBytes, seconds })
      log(`save all, run ${run + 1}: zip ${(zipBytes / 2 ** 20).toFixed(0)} MiB in ${seconds.toFixed(1)} s`)
    } finally {
      await browser.close()
      await server.stop()
    }
  }
  return samples
}

export function saveAllFigures(samples: readonly SaveSample[], files: number, fileBytes: number): Figure[] {
  const size = files * fileBytes >= 2 ** 30 ? `${(files * fileBytes) / 2 ** 30} GiB` : `${(files * fileBytes) / 2 ** 20} MiB`
  const mb = (bytes: number) => bytes / 1e6
  return [
    {
      id: 'save-all-server-peak-mb',
      title: `9. Save all of ${size}: server peak memory`,
      unit: 'MB',
      samples: samples.map((s) => mb(s.serverPeak)),
      budget: { most: 150 },
      baseline: { label: 'peak before the save', samples: samples.map((s) => mb(s.serverBefore)) },
      note: `VmHWM of the server process; browser grew ${samples.map((s) => mb(s.browserPeak - s.browserBase).toFixed(0)).join(', ')} MB during the save`,
    },
    {
      id: 'save-all-throughput-pct',
      title: `9. Save all of ${size}: throughput vs plain copy`,
      unit: '%',
      samples: samples.map((s) => (100 * s.throughput) / s.copy),
      budget: { least: 80 },
      note: `Save all ${samples.map((s) => mb(s.throughput).toFixed(0)).join(', ')} MB/s; plain loopback copy to disk ${samples.map((s) => mb(s.copy).toFixed(0)).join(', ')} MB/s`,
    },
  ]
}

function printTable(samples: readonly SaveSample[], files: number, fileBytes: number, runs: number): void {
  const mib = (n: number) => (n / 2 ** 20).toFixed(0)
  const row = (label: string, values: number[], unit: (n: number) => string) => {
    const { median, min, max } = spread(values)
    console.log(`${label.padEnd(44)} ${unit(median).padStart(8)}   (min ${unit(min)}, max ${unit(max)})`)
  }
  console.log(`\nSave all of ${files} × ${mib(fileBytes)} MiB over loopback, ${runs} runs, medians\n`)
  row('server peak RSS (VmHWM), MiB', samples.map((s) => s.serverPeak), mib)
  row('browser peak RSS, all processes, MiB', samples.map((s) => s.browserPeak), mib)
  row('browser RSS growth during the save, MiB', samples.map((s) => s.browserPeak - s.browserBase), mib)
  row('Save all throughput, MiB/s', samples.map((s) => s.throughput), mib)
  row('plain loopback copy to disk, MiB/s', samples.map((s) => s.copy), mib)
  row('Save all as % of the plain copy', samples.map((s) => (100 * s.throughput) / s.copy), (n) => n.toFixed(0))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = Number(process.argv[2] ?? 3)
  const files = 4
  const fileBytes = 256 * 1024 * 1024
  const build = await buildPages({ baselines: false })
  const upstream = await startFakeUpstream(4820)
  defineSaveTasks(upstream)
  try {
    printTable(await measureSaveAll(build, upstream, { runs, files, fileBytes, port: 4821, log: console.log }), files, fileBytes, runs)
  } finally {
    await upstream.close()
    build.remove()
  }
}
