// Benchmark, in real time: the delay between a task settling at foxapi and foxwatch showing it,
// against a fixed 1-second loop (bench/baseline/loop.html) watching its own copy at the same time.
// Each task settles at a random moment (uniform in `settleSeconds` after the page opened: the
// phase against the polls is random, as in life), the tasks of a run on a randomly shifted grid. The fake upstream answers "completed" from that
// moment on; the page notes (Date.now) the first animation frame after its status element says
// completed. Delay = shown − settled. Pages run side by side, each in a fresh context.
import type { Browser, Page } from '@playwright/test'
import { newBenchContext } from './bench-server.ts'
import type { FakeUpstream } from './fake-upstream.ts'
import { taskBody } from './fake-upstream.ts'
import type { Figure } from './figures.ts'

declare global {
  interface Window {
    __shownAt?: number
  }
}

/** Notes when the status element first reads "completed", at the frame that shows it. */
function watchStatus(): void {
  const observer = new MutationObserver(() => {
    if (!/completed/i.test(document.querySelector('[data-testid="task-status"]')?.textContent ?? '')) return
    observer.disconnect()
    requestAnimationFrame(() => {
      window.__shownAt = Date.now()
    })
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
}

type Watched = { page: Page; id: string; settleAt: number; close(): Promise<void> }

async function open(browser: Browser, url: string, id: string, settleAt: number): Promise<Watched> {
  const context = await newBenchContext(browser)
  await context.addInitScript(watchStatus)
  const page = await context.newPage()
  await page.goto(url)
  return { page, id, settleAt, close: () => context.close() }
}

export async function measureSettleDelay(browser: Browser, base: string, upstream: FakeUpstream, { runs, tasks, settleSeconds }: {
  runs: number
  /** Tasks watched side by side per run, by foxwatch and by the loop each. */
  tasks: number
  settleSeconds: readonly [number, number]
}): Promise<Figure[]> {
  const plan = new Map<string, { created: number; settleAt: number }>()
  upstream.define('real-', (id, { now }) => {
    const entry = plan.get(id.replace(/-loop$/, ''))
    const created = Math.floor((entry?.created ?? now) / 1000)
    if (!entry || now < entry.settleAt) return { body: taskBody({ id, status: 'processing', created }) }
    return { body: taskBody({ id, status: 'completed', created, results: [{ url: `${upstream.url}/files/${id}.png`, content_type: 'image/png' }] }) }
  })
  const [soonest, latest] = settleSeconds
  const app: number[] = []
  const loop: number[] = []
  for (let run = 0; run < runs; run++) {
    const tag = Math.random().toString(36).slice(2, 7)
    const phase = Math.random()
    const opened: Array<{ ours: Watched; naive: Watched }> = []
    try {
      for (let n = 0; n < tasks; n++) {
        const id = `real-${tag}-${n}`
        const created = Date.now()
        // A randomly shifted grid: task n settles `phase` of the way into the n-th of `tasks` equal
        // slices of the span. Each moment is still uniform over the span, but a run covers it
        // evenly, so the median does not swing by a third of a second between runs as it did with
        // independent draws (the delay within one slice ranges over a whole poll gap).
        const settleAt = created + 1000 * (soonest + ((n + phase) / tasks) * (latest - soonest))
        plan.set(id, { created, settleAt })
        const ours = await open(browser, `${base}/tasks/${id}`, id, settleAt)
        const naive = await open(browser, `${base}/bench-baseline/loop.html?id=${id}-loop`, `${id}-loop`, settleAt)
        opened.push({ ours, naive })
      }
      for (const { ours, naive } of opened) {
        for (const [watched, into] of [[ours, app], [naive, loop]] as const) {
          const left = watched.settleAt - Date.now() + 30_000
          await watched.page.waitForFunction(() => window.__shownAt !== undefined, undefined, { timeout: Math.max(1000, left) })
          const shownAt = await watched.page.evaluate(() => window.__shownAt ?? NaN)
          into.push((shownAt - watched.settleAt) / 1000)
        }
      }
    } finally {
      await Promise.all(opened.flatMap(({ ours, naive }) => [ours.close(), naive.close()]))
    }
  }
  return [{
    id: 'settle-delay-s',
    title: '4. Delay from settled upstream to shown',
    unit: 's',
    digits: 2,
    samples: app,
    budget: { most: 1.5 },
    baseline: { label: '1-s loop', samples: loop },
    note: `real time; ${tasks} tasks per run × ${runs} runs, each settling uniformly ${soonest}–${latest} s after opening; median of all tasks`,
  }]
}
