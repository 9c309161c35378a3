// Benchmark: Save all of a task kept in this browser (issue 14, figure 4). A completed task with
// one large video is kept through the page's own "Keep in this browser" (its bytes go into the
// origin private file system), then its Save all is clicked and timed until the browser starts
// the download, with every main-thread task over 50 ms recorded (PerformanceObserver longtask).
// The zip is a composite Blob, so its making is the hashing: CRC-32 for the zip, SHA-256 for the
// manifest. The baseline is the same kept file read once, as a stream, doing nothing with it: the
// most any Save all from this browser's storage could do here.
import type { Browser, Page } from '@playwright/test'
import { newBenchContext, spread } from './bench-server.ts'
import type { FakeUpstream } from './fake-upstream.ts'
import type { Figure } from './figures.ts'
import { recordLongTasks, takeLongTasks } from './long-tasks.ts'

/** `kept-<bytes>-…`: a completed video task whose one result is that many incompressible bytes. */
export function defineKeptTasks(upstream: FakeUpstream): void {
  upstream.define('kept-', (id) => {
    const bytes = Number(/^kept-(\d+)-/.exec(id)?.[1] ?? 0)
    return {
      body: {
        id, object: 'video.generation.task', type: 'video', model: 'bench-video', status: 'completed', progress: 100,
        created: Math.floor(Date.now() / 1000), error: null, usage: { credits_reserved: 1 },
        results: [{ url: `${upstream.url}/files/${bytes}/${id}.mp4`, content_type: 'video/mp4' }],
      },
    }
  })
}

type KeptSaveSample = { saveMBps: number; readMBps: number; longestTaskMs: number; keepSeconds: number; keepLongestTaskMs: number }

/** Reads the one kept file of the page's origin once, as a stream; MB/s. */
function readKeptFile(page: Page): Promise<number> {
  return page.evaluate(async () => {
    async function* files(folder: FileSystemDirectoryHandle): AsyncGenerator<File> {
      for await (const handle of (folder as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
        if (handle instanceof FileSystemDirectoryHandle) yield* files(handle)
        else if (handle instanceof FileSystemFileHandle) yield await handle.getFile()
      }
    }
    let largest: File | undefined
    for await (const file of files(await navigator.storage.getDirectory())) if (!largest || file.size > largest.size) largest = file
    if (!largest) throw new Error('nothing kept')
    const started = performance.now()
    let read = 0
    const reader = largest.stream().getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      read += value.byteLength
    }
    return read / 1e6 / ((performance.now() - started) / 1000)
  })
}

async function measureOnce(browser: Browser, base: string, bytes: number, run: number): Promise<KeptSaveSample> {
  const context = await newBenchContext(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true })
  try {
    await recordLongTasks(context)
    const page = await context.newPage()
    const id = `kept-${bytes}-${run}-${Math.random().toString(36).slice(2, 7)}`
    await page.goto(`${base}/tasks/${id}`)
    await page.getByTestId('task-status').getByText('Completed').waitFor({ timeout: 60_000 })
    const longTasks = () => takeLongTasks(page)
    await longTasks()
    const keepStarted = performance.now()
    await page.getByRole('button', { name: 'Keep in this browser' }).click()
    await page.getByRole('status', { name: 'Kept in this browser' }).waitFor({ timeout: 15 * 60_000 })
    const keepSeconds = (performance.now() - keepStarted) / 1000
    const keepLongestTaskMs = Math.max(0, ...await longTasks())
    // The kept copy's previews settle before the clock starts.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    await longTasks()
    const downloading = page.waitForEvent('download', { timeout: 15 * 60_000 })
    const started = performance.now()
    await page.getByRole('button', { name: 'Save all' }).click()
    const download = await downloading
    const seconds = (performance.now() - started) / 1000
    const saveLongTasks = await longTasks()
    await download.cancel()
    const readMBps = await readKeptFile(page)
    return { saveMBps: bytes / 1e6 / seconds, readMBps, longestTaskMs: Math.max(0, ...saveLongTasks), keepSeconds, keepLongestTaskMs }
  } finally {
    await context.close()
  }
}

export async function measureKeptSave(browser: Browser, base: string, { runs, bytes }: { runs: number; bytes: number }): Promise<Figure[]> {
  const samples: KeptSaveSample[] = []
  for (let run = 0; run < runs; run++) samples.push(await measureOnce(browser, base, bytes, run))
  const size = bytes >= 2 ** 30 ? `${bytes / 2 ** 30} GiB` : `${bytes / 2 ** 20} MiB`
  const keep = spread(samples.map((s) => s.keepSeconds)).median
  return [
    {
      id: 'kept-save-speed',
      title: `Save all of a kept ${size} task, from click to download`,
      unit: 'MB/s',
      samples: samples.map((s) => s.saveMBps),
      budget: { least: 150 },
      baseline: { label: 'reading the kept file once', samples: samples.map((s) => s.readMBps) },
      digits: 0,
      note: 'one video kept through "Keep in this browser" first; the zip is a composite Blob, and the file was hashed as it was kept, so the time is the zip\'s making',
    },
    {
      id: 'kept-save-longest-task',
      title: `Longest main-thread task while saving a kept ${size} task`,
      unit: 'ms',
      samples: samples.map((s) => s.longestTaskMs),
      budget: { at: 'max', most: 50 },
      digits: 0,
      note: 'longtask entries (> 50 ms only; 0 = none) from the click on Save all to the download',
    },
    {
      id: 'kept-save-keep-longest-task',
      title: `… and while keeping it (the keep hashes each file as it is stored)`,
      unit: 'ms',
      samples: samples.map((s) => s.keepLongestTaskMs),
      digits: 0,
      note: `longtask entries (> 50 ms only; 0 = none) from the click on Keep in this browser until it is kept; the keep took a median ${keep.toFixed(1)} s (${(bytes / 1e6 / keep).toFixed(0)} MB/s)`,
    },
  ]
}
