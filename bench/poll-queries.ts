// Benchmark: how many queries foxapi sees for one watched task, from the first query to the one
// that finds it settled, and in the ten minutes after; against a fixed 1-second loop
// (bench/baseline/loop.html) measured the same way. Both pages run under Playwright's clock,
// stepped timer by timer (see virtual-clock.ts), against a fake upstream whose task was created
// when the page opened and settles once the *virtual* time passes created + duration: by time,
// never by counting queries. The task gives no estimated_time, the common case.
import type { Browser } from '@playwright/test'
import type { FakeUpstream } from './fake-upstream.ts'
import { taskBody } from './fake-upstream.ts'
import { newBenchContext } from './bench-server.ts'
import type { Figure } from './figures.ts'
import { driveClock, pausedClock } from './virtual-clock.ts'

const STATUS = '[data-testid="task-status"]'
const AFTER_MS = 10 * 60_000

/** `firstAt`: virtual ms from opening the page to its first query. */
type Count = { toSettle: number; after: number; firstAt: number }

/** `clock-<seconds>s-…`: processing until the virtual clock passes created + seconds, then completed. */
function defineClockTasks(upstream: FakeUpstream, startMs: number): void {
  upstream.define('clock-', (id, { virtualNow }) => {
    const seconds = Number(/^clock-(\d+)s-/.exec(id)?.[1] ?? NaN)
    const created = startMs / 1000
    const elapsed = (virtualNow ?? startMs) - startMs
    if (elapsed < seconds * 1000) {
      return { body: taskBody({ id, status: 'processing', created, progress: Math.floor((100 * elapsed) / (seconds * 1000)) }) }
    }
    return {
      body: taskBody({ id, status: 'completed', created, results: [{ url: `${upstream.url}/files/${id}.png`, content_type: 'image/png', width: 512, height: 512 }] }),
    }
  })
}

async function countQueries(browser: Browser, upstream: FakeUpstream, url: string, id: string, seconds: number, startMs: number): Promise<Count> {
  const context = await newBenchContext(browser)
  try {
    await pausedClock(context, startMs)
    upstream.setVirtualNow(startMs)
    const page = await context.newPage()
    const clock = driveClock(page)
    const advancing = (time: number) => upstream.setVirtualNow(time)
    await page.goto(url, { waitUntil: 'domcontentloaded' })
    // Until the first query has left, a page with no timer set may just not have run its scripts
    // yet: wait in real time then, rather than run the clock to the end; and give it 100 ms of
    // real time before each step, for work no probe sees (IndexedDB). Timers the page does set on
    // its way to the first query run as usual (and any virtual time they take counts).
    const waitUntil = Date.now() + 30_000
    while (upstream.queries(id).length === 0) {
      if (Date.now() > waitUntil) {
        const shown = await page.locator('body').innerText().catch(() => '')
        throw new Error(`${url} sent no query in 30 s of real time; the page says: ${shown.replace(/\s+/g, ' ').slice(0, 200)}`)
      }
      const firstQuery = () => upstream.queries(id).length > 0
      await clock.step({ selector: STATUS, done: firstQuery, until: startMs + AFTER_MS, advancing, returnWithoutTimers: true, graceMs: 100 })
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const firstAt = (upstream.queries(id)[0]?.virtualAt ?? startMs) - startMs
    const settledAt = await clock.step({
      selector: STATUS, done: (text) => /completed/i.test(text), until: startMs + seconds * 1000 + AFTER_MS, advancing,
    })
    const seen = upstream.queries(id)
    const first = seen.findIndex((query) => query.answered === 'completed')
    if (first < 0) throw new Error(`${url} never saw ${id} completed`)
    await clock.step({ selector: STATUS, done: () => false, until: settledAt + AFTER_MS, advancing })
    return { toSettle: first + 1, after: upstream.queries(id).length - first - 1, firstAt }
  } finally {
    upstream.setVirtualNow(undefined)
    await context.close()
  }
}

export async function measurePollQueries(browser: Browser, base: string, upstream: FakeUpstream, { runs, durations }: {
  runs: number
  durations: readonly number[]
}): Promise<Figure[]> {
  const startMs = Math.floor(Date.now() / 1000) * 1000
  defineClockTasks(upstream, startMs)
  const app = new Map<number, number[]>()
  const loop = new Map<number, number[]>()
  const after: number[] = []
  const loopAfter: number[] = []
  const firstAt: number[] = []
  for (let run = 0; run < runs; run++) {
    for (const seconds of durations) {
      const tag = `${seconds}s-${run}-${Math.random().toString(36).slice(2, 7)}`
      const ours = await countQueries(browser, upstream, `${base}/tasks/clock-${tag}`, `clock-${tag}`, seconds, startMs)
      const naive = await countQueries(browser, upstream, `${base}/bench-baseline/loop.html?id=clock-${tag}-loop`, `clock-${tag}-loop`, seconds, startMs)
      app.set(seconds, [...(app.get(seconds) ?? []), ours.toSettle])
      loop.set(seconds, [...(loop.get(seconds) ?? []), naive.toSettle])
      after.push(ours.after)
      loopAfter.push(naive.after)
      firstAt.push(ours.firstAt)
    }
  }
  const figures: Figure[] = durations.map((seconds, i) => {
    const naive = loop.get(seconds) ?? []
    const naiveMedian = naive.toSorted((a, b) => a - b)[Math.floor(naive.length / 2)] ?? NaN
    return {
      id: `queries-${seconds}s`,
      title: `3. Queries, first to settled, ${seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`} task`,
      unit: '',
      samples: app.get(seconds) ?? [],
      // A third of the fixed loop measured here (which makes seconds + 1 queries).
      budget: { most: naiveMedian / 3 },
      digits: 0,
      baseline: { label: '1-s loop', samples: naive },
      ...(i === 0 ? {
        note: 'virtual time: Playwright clock stepped timer by timer; the task settles by time (no estimated_time); budget = a third of the loop; '
          + `foxwatch's first query ${[...new Set([Math.min(...firstAt), Math.max(...firstAt)])].join('–')} ms (virtual) after opening`,
      } : {}),
    }
  })
  figures.push({
    id: 'queries-after-settle',
    title: '5. Queries in the 10 min after settling',
    unit: '',
    samples: after,
    budget: { at: 'max', most: 0 },
    baseline: { label: '1-s loop', samples: loopAfter },
    note: `virtual time (Playwright clock); every run and duration (${durations.join(', ')} s)`,
  })
  return figures
}
