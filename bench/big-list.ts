// Benchmark, in real time: a watchlist of 1,000 tasks (issue 14, figure 11), against 100. The IDs
// are pasted into the Task ID box of an empty home page, as a person would, and measured:
//   - usable: from the click on Watch to the first row on screen (the page's own clock);
//   - scrolling the page end to end, a screenful a frame, once 20 answers have come: the
//     longest main-thread task (PerformanceObserver longtask; none above 50 ms counts as 0);
//   - the history, with 500 tasks in it, scrolled the same way;
//   - the request budget over the whole run, counted at the fake upstream (4 in flight, 5 a second).
// The tasks answer completed (with a small picture) after 30–70 ms, as a real API would.
import type { Browser, Page } from '@playwright/test'
import { newBenchContext } from './bench-server.ts'
import type { FakeUpstream } from './fake-upstream.ts'
import { taskBody } from './fake-upstream.ts'
import type { Figure } from './figures.ts'
import { recordLongTasks, takeLongTasks } from './long-tasks.ts'

/** The request budget's defaults (src/lib/settings.ts), which the page runs with here. */
const BUDGET = { inFlight: 4, perSecond: 5 }
const HISTORY = 500
/** Answers to wait for before scrolling: the rows then hold thumbnails and statuses, not "asking…". */
const ANSWERED = 20

type Sample = { usableMs: number; scrollLongestMs: number; historyScrollLongestMs: number; maxPerSecond: number; maxInFlight: number }

/** Scrolls the window from top to bottom, a screenful a frame, and back to the top. */
function scrollEndToEnd(page: Page): Promise<void> {
  return page.evaluate(async () => {
    window.scrollTo(0, 0)
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
    await frame()
    // Within a pixel of the bottom is the bottom: scroll positions are fractional at some zooms,
    // and the loop also stops when a step moves nothing.
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
      const before = window.scrollY
      window.scrollBy(0, window.innerHeight)
      await frame()
      if (window.scrollY === before) break
    }
    await frame()
  })
}

async function listOnce(browser: Browser, base: string, upstream: FakeUpstream, count: number): Promise<Sample> {
  const tag = `list-${count}-${Math.random().toString(36).slice(2, 7)}-`
  const created = Math.floor(Date.now() / 1000)
  upstream.define(tag, (id) => {
    const n = Number(id.slice(tag.length))
    return {
      delayMs: 30 + ((n * 7919) % 41),
      body: taskBody({ id, status: 'completed', created, progress: 100, results: [{ url: `${upstream.url}/files/${id}.png`, content_type: 'image/png' }] }),
    }
  })
  const ids = Array.from({ length: count }, (_, n) => `${tag}${n}`)
  const context = await newBenchContext(browser, { viewport: { width: 1280, height: 900 } })
  try {
    await recordLongTasks(context)
    await context.addInitScript(({ history }) => {
      // A history of earlier tasks, in the stored form foxwatch reads (and moves to its own keys).
      if (localStorage.getItem('foxwatch.history') === null && !Object.keys(localStorage).some((key) => key.startsWith('foxwatch.history/'))) {
        const seenAt = Date.now()
        localStorage.setItem('foxwatch.history', JSON.stringify(Array.from({ length: history }, (_, n) => ({
          taskId: `task-earlier-${String(n).padStart(4, '0')}-abcdef`, model: 'bench-image-1', status: 'completed', seenAt: seenAt - n * 60_000,
        }))))
      }
    }, { history: HISTORY })
    const page = await context.newPage()
    const from = Date.now()
    await page.goto(`${base}/`)
    await page.getByLabel('Task ID', { exact: true }).fill(ids.join('\n'))
    await takeLongTasks(page)
    const usableMs = await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Watch')
      if (!button) throw new Error('no Watch button')
      const started = performance.now()
      button.click()
      // The first row on screen: in the table, and inside the window.
      for (;;) {
        const row = document.querySelector('table[data-watchlist] tbody tr')
        if (row && row.getBoundingClientRect().top < window.innerHeight) return performance.now() - started
        await new Promise((resolve) => requestAnimationFrame(resolve))
      }
    })
    // Counted at the upstream: the rows drawn need not be the ones answered first.
    const deadline = Date.now() + 120_000
    while (upstream.load(tag, from, Date.now()).queries < Math.min(count, ANSWERED)) {
      if (Date.now() > deadline) throw new Error(`fewer than ${ANSWERED} queries in 120 s`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status').first().waitFor({ timeout: 120_000 })
    await takeLongTasks(page)
    await scrollEndToEnd(page)
    const scrollLongestMs = Math.max(0, ...await takeLongTasks(page))

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'History', exact: true }).click()
    await page.getByRole('list', { name: 'Task history' }).getByRole('listitem').first().waitFor()
    await takeLongTasks(page)
    await scrollEndToEnd(page)
    const historyScrollLongestMs = Math.max(0, ...await takeLongTasks(page))
    const load = upstream.load(tag, from, Date.now())
    upstream.forget(tag)
    return { usableMs, scrollLongestMs, historyScrollLongestMs, maxPerSecond: load.maxPerSecond, maxInFlight: load.maxInFlight }
  } finally {
    await context.close()
  }
}

export async function measureBigList(browser: Browser, base: string, upstream: FakeUpstream, { runs, tasks, baselineTasks }: {
  runs: number
  tasks: number
  baselineTasks: number
}): Promise<Figure[]> {
  const big: Sample[] = []
  const small: Sample[] = []
  for (let run = 0; run < runs; run++) {
    big.push(await listOnce(browser, base, upstream, tasks))
    small.push(await listOnce(browser, base, upstream, baselineTasks))
  }
  const title = `11. A watchlist of ${tasks.toLocaleString('en')} tasks`
  const baseline = (pick: (s: Sample) => number) => ({ label: `${baselineTasks} tasks`, samples: small.map(pick) })
  return [
    {
      id: 'big-list-usable',
      title: `${title}: from Watch to the first row on screen`,
      unit: 'ms',
      samples: big.map((s) => s.usableMs),
      budget: { most: 500 },
      baseline: baseline((s) => s.usableMs),
      note: 'the IDs pasted into the Task ID box of an empty home page; the page\'s own clock, from the click to a frame with a row inside the window',
    },
    {
      id: 'big-list-scroll-longest-task',
      title: `${title}: longest task while scrolling end to end`,
      unit: 'ms',
      samples: big.map((s) => s.scrollLongestMs),
      budget: { at: 'max', most: 50 },
      baseline: baseline((s) => s.scrollLongestMs),
      note: `longtask entries (> 50 ms only; 0 = none), a screenful a frame, once ${ANSWERED} answers are in`,
    },
    {
      id: 'big-list-history-scroll-longest-task',
      title: `${title}: … and the history of ${HISTORY}`,
      unit: 'ms',
      samples: big.map((s) => s.historyScrollLongestMs),
      budget: { at: 'max', most: 50 },
      baseline: baseline((s) => s.historyScrollLongestMs),
      note: `the history page with ${HISTORY} earlier tasks stored, and the run's own, scrolled the same way`,
    },
    {
      id: 'big-list-max-per-second',
      title: `${title}: queries in any 1 s at foxapi`,
      unit: '',
      samples: big.map((s) => s.maxPerSecond),
      budget: { at: 'max', most: BUDGET.perSecond },
      baseline: baseline((s) => s.maxPerSecond),
    },
    {
      id: 'big-list-max-in-flight',
      title: `${title}: queries in flight at once`,
      unit: '',
      samples: big.map((s) => s.maxInFlight),
      budget: { at: 'max', most: BUDGET.inFlight },
      baseline: baseline((s) => s.maxInFlight),
    },
  ]
}
