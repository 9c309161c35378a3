// Drives a page's time with Playwright's clock, one timer at a time, so minutes of polling take
// seconds and every query still leaves at the virtual moment the page's own timers chose.
//
// Playwright's clock fakes Date, performance.now and the timers, but `runFor(ms)` fires every timer
// due in that span before the page's fetches come back: an answer would then be handled at the
// end of the span, and the next poll scheduled from there, later than in real life. So the clock
// is paused, and the bench repeatedly (1) waits until no request of the page is in flight (its
// fetches, and the chunks it imports on the way) and the answers have been handled, (2) asks the
// page when its next timer is due, (3) tells the fake upstream that this is now the time, and
// (4) runs the clock to exactly that moment. A query is therefore judged at the virtual time it
// was sent, and its answer handled at that same time (real loopback time is not counted: the
// clock stands still while a request is in flight).
import type { BrowserContext, Page, Request } from '@playwright/test'

type ClockProbe = { inFlight: number; now: number; next: number | null; text: string }

declare global {
  interface Window {
    __benchClock?: { probe(selector: string): ClockProbe }
  }
}

/** Installed after Playwright's clock, so the timers it wraps are the fake ones. */
function trackTimers(): void {
  const due = new Map<number, { at: number; every: number }>()
  const fake = {
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    setInterval: window.setInterval.bind(window),
    clearInterval: window.clearInterval.bind(window),
    fetch: window.fetch.bind(window),
  }
  let inFlight = 0
  // Object.assign, since the DOM's and node's typings of the timer functions disagree.
  Object.assign(window, {
    setTimeout(handler: TimerHandler, ms?: number, ...args: unknown[]): number {
      const id = fake.setTimeout(() => {
        due.delete(id)
        if (typeof handler === 'function') handler(...args)
      }, ms)
      due.set(id, { at: Date.now() + Math.max(0, Number(ms) || 0), every: 0 })
      return id
    },
    clearTimeout(id?: number): void {
      if (id !== undefined) due.delete(id)
      fake.clearTimeout(id)
    },
    setInterval(handler: TimerHandler, ms?: number, ...args: unknown[]): number {
      const every = Math.max(1, Number(ms) || 0)
      const id = fake.setInterval(() => {
        const entry = due.get(id)
        if (entry) entry.at += every
        if (typeof handler === 'function') handler(...args)
      }, ms)
      due.set(id, { at: Date.now() + every, every })
      return id
    },
    clearInterval(id?: number): void {
      if (id !== undefined) due.delete(id)
      fake.clearInterval(id)
    },
  })
  // A fetch counts as in flight until its body has arrived; the page reads it right after.
  window.fetch = async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    inFlight++
    try {
      const response = await fake.fetch(input, init)
      await response.clone().arrayBuffer().catch(() => undefined)
      return response
    } finally {
      inFlight--
    }
  }
  window.__benchClock = {
    probe(selector) {
      let next: number | null = null
      for (const { at } of due.values()) if (next === null || at < next) next = at
      return { inFlight, now: Date.now(), next, text: document.querySelector(selector)?.textContent ?? '' }
    },
  }
}

/** A context whose pages start with the clock paused at `startMs` (a whole second), timers tracked. */
export async function pausedClock(context: BrowserContext, startMs: number): Promise<void> {
  // Installed a second early and paused at the start: pauseAt may only move forward.
  await context.clock.install({ time: startMs - 1000 })
  await context.clock.pauseAt(startMs)
  await context.addInitScript(trackTimers)
}

/**
 * Waits (in real time) until nothing the page asked for is in flight (fetches, and the chunks it
 * imports on the way to them, seen by `loading`) and it has handled what came back.
 */
async function quiet(page: Page, selector: string, loading: ReadonlySet<Request>): Promise<ClockProbe> {
  for (let tries = 0; ; tries++) {
    const probe = await page.evaluate(async (selector) => {
      // Two real macrotasks (MessageChannel is not faked) let answers and renders run.
      for (let i = 0; i < 2; i++) {
        await new Promise<void>((resolve) => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => resolve()
          channel.port2.postMessage(null)
        })
      }
      const clock = window.__benchClock
      if (!clock) throw new Error('the timer tracker is not installed')
      return clock.probe(selector)
    }, selector)
    // A request started before the probe was answered has been reported by now: one connection.
    if (probe.inFlight === 0 && loading.size === 0) return probe
    if (tries > 10_000) throw new Error(`a request stayed in flight for over 10 s of real time: ${[...loading].map((r) => r.url()).join(', ')}`)
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
}

export type StepOptions = {
  /** Element whose text `done` looks at. */
  selector: string
  /** Stop once this holds for the element's text (checked with the page quiet, before each step). */
  done: (text: string) => boolean
  /** Never go past this virtual time (ms since the epoch). */
  until: number
  /** Called with the virtual time the clock is about to reach, before it gets there. */
  advancing: (time: number) => void
  /**
   * Return when the page has no timer set, instead of running the clock on to `until`: while a
   * page is still starting, no timer may only mean its scripts have not run yet.
   */
  returnWithoutTimers?: boolean
  /**
   * Real time to let pass, quiet, before each step. A starting page also waits on work no probe
   * sees (IndexedDB, module evaluation); the virtual clock must not run on meanwhile.
   */
  graceMs?: number
}

export type ClockDriver = {
  /** Steps the page's clock from timer to timer until `done` or `until`; returns the virtual time then. */
  step(options: StepOptions): Promise<number>
}

/** Made before the page navigates, so every request it makes is seen. */
export function driveClock(page: Page): ClockDriver {
  const loading = new Set<Request>()
  page.on('request', (request) => void loading.add(request))
  page.on('requestfinished', (request) => void loading.delete(request))
  page.on('requestfailed', (request) => void loading.delete(request))
  return { step: (options) => step(page, options, loading) }
}

async function step(page: Page, options: StepOptions, loading: ReadonlySet<Request>): Promise<number> {
  const { selector, done, until, advancing, returnWithoutTimers = false, graceMs = 0 } = options
  let zeroStepAt: number | undefined
  let zeroStepNext: number | null = null
  for (let steps = 0; ; steps++) {
    let probe = await quiet(page, selector, loading)
    if (graceMs > 0 && !done(probe.text)) {
      await new Promise((resolve) => setTimeout(resolve, graceMs))
      probe = await quiet(page, selector, loading)
    }
    // Timers already due (set with no delay) run even at `until`, without moving the clock.
    const due = probe.next !== null && probe.next <= probe.now
    if (done(probe.text) || (probe.now >= until && !due) || (returnWithoutTimers && probe.next === null)) return probe.now
    if (steps > 200_000) throw new Error('the page kept setting timers without end')
    // A zero delay set while a timer's work is still running (its promises, the renders it
    // starts) is 1 ms to Playwright's clock, as browsers clamp nested timers: the tracker cannot
    // tell those apart, so when a zero-length step left the same timer due, the clock moves 1 ms.
    const stuck = due && zeroStepAt === probe.now && zeroStepNext === probe.next
    const target = due ? probe.now + (stuck ? 1 : 0) : Math.min(until, probe.next ?? until)
    zeroStepAt = target === probe.now ? probe.now : undefined
    zeroStepNext = probe.next
    advancing(target)
    await page.clock.runFor(target - probe.now)
  }
}
