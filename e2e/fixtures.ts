// The browser tests' shared parts: a task page that reads like a person would use it, and the
// fake upstream's counters.
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { z } from 'zod'
import type { ScriptStep } from './fake-upstream'
import { DEMO_CLOCK, FAKE_UPSTREAM } from './ports'

const Stats = z.object({
  queries: z.array(z.object({ at: z.number(), sync: z.boolean(), authorization: z.string().optional(), url: z.string() })),
})
const FileRequests = z.object({
  requests: z.array(z.object({ path: z.string(), headers: z.record(z.string(), z.unknown()) })),
})

export class TaskPage {
  readonly taskId: Locator
  readonly status: Locator
  readonly progress: Locator
  readonly alert: Locator
  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.taskId = page.getByLabel('Task ID', { exact: true })
    this.status = page.getByTestId('task-status')
    this.progress = page.getByRole('progressbar')
    this.alert = page.getByRole('alert')
  }

  async open(taskId: string) {
    await this.page.goto(`/tasks/${encodeURIComponent(taskId)}`)
  }

  /**
   * Opens a new demo task (`prefix` is `demo-<scenario>`) already at the end of its life, so its
   * first answer is its last, and waits for it to show `status`. Returns its ID.
   */
  async openSettled(prefix: string, status = 'Completed'): Promise<string> {
    const id = await settledDemoTask(prefix)
    await this.open(id)
    await expect(this.status).toHaveText(status)
    return id
  }

  /**
   * The key already in this browser session when each page loads, as a key typed on an earlier
   * visit is: a test about what a task shows then opens it with one page load, not two.
   */
  async keyInSession(key: string) {
    await this.page.addInitScript((value) => sessionStorage.setItem('foxwatch.apiKey', value), key)
  }

  /** Puts the open task into the watchlist with its page's own button (opening a task does not). */
  async addToWatchlist() {
    await this.page.getByRole('button', { name: 'Add to watchlist' }).click()
    await expect(this.page.getByRole('button', { name: 'Remove from watchlist' })).toBeVisible()
  }

  /** Goes to one of the pages named in the header (Watchlist, History, Kept, IDs) as a person would: in place, no reload. */
  async section(name: 'Watchlist' | 'History' | 'Kept' | 'IDs') {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click()
    await expect(this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page')
  }

  /** Gives the key as a person would: in the field a task that needs one offers, or through the header's Add key. */
  async useKey(key: string) {
    // The first one in the page: the header's, if a task's own field comes while this opens it.
    const field = this.page.getByLabel('API key', { exact: true }).first()
    if (!(await field.isVisible())) await this.page.getByRole('button', { name: 'Add key' }).click()
    await field.fill(key)
    await field.press('Enter')
  }

  /** Opens the header's Settings menu (Sync, Auto-keep, Notify, Sound, Theme), unless it is open. */
  async openSettings() {
    if (await this.page.getByRole('group', { name: 'Settings' }).isVisible()) return
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click()
    await expect(this.page.getByRole('group', { name: 'Settings' })).toBeVisible()
  }
}

export const test = base.extend<{ taskPage: TaskPage; pageIsClean: undefined }>({
  taskPage: async ({ page }, use) => {
    await use(new TaskPage(page))
  },
  // Every browser test also checks that the page threw nothing and broke no security policy.
  pageIsClean: [async ({ page }, use) => {
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`)
    })
    await use(undefined)
    expect(problems, 'page errors and policy violations').toEqual([])
  }, { auto: true }],
})

/** Hides or shows the tab as the browser would tell the page (headless tabs are never hidden). */
export async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'hidden', { value, configurable: true })
    Object.defineProperty(document, 'visibilityState', { value: value ? 'hidden' : 'visible', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  }, hidden)
}

/** A unique task ID for one test, so parallel tests never share a task's clock or counters. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`
}

async function stepDemoClock(step: 'hold' | 'advance' | 'settle', taskId: string, ms = 0) {
  const response = await fetch(`${DEMO_CLOCK}/${step}/${encodeURIComponent(taskId)}?ms=${ms}`, { method: 'POST' })
  if (!response.ok) throw new Error(`${step} ${taskId} on the demo clock failed: ${response.status}`)
}

/**
 * The demo tasks' clock in the server under test (e2e/demo-clock.ts). A held task stands still
 * until a test moves it; a task no test holds runs on the wall clock.
 */
export const demoClock = {
  /** The task starts now and stands still. */
  hold: (taskId: string) => stepDemoClock('hold', taskId),
  /** The task moves `ms` of its life on (held first if need be). */
  advance: (taskId: string, ms: number) => stepDemoClock('advance', taskId, ms),
  /** The task moves to the end of its life. */
  settle: (taskId: string) => stepDemoClock('settle', taskId),
}

/** A new demo task (`prefix` is `demo-<scenario>`) standing still at the start of its life. */
export async function heldDemoTask(prefix: string): Promise<string> {
  const id = uniqueId(prefix)
  await demoClock.hold(id)
  return id
}

/** A new demo task (`prefix` is `demo-<scenario>`) already at the end of its life. */
export async function settledDemoTask(prefix: string): Promise<string> {
  const id = uniqueId(prefix)
  await demoClock.settle(id)
  return id
}

/** Every query the fake upstream received for a task. */
export async function upstreamQueries(taskId: string) {
  const response = await fetch(`${FAKE_UPSTREAM}/__stats/${encodeURIComponent(taskId)}`)
  return Stats.parse(await response.json()).queries
}

/** Every request the fake result host received, with its headers. */
export async function resultHostRequests() {
  const response = await fetch(`${FAKE_UPSTREAM}/__files`)
  return FileRequests.parse(await response.json()).requests
}

/**
 * Makes the fake upstream answer `taskId` with these steps, one per query, the last repeating
 * (see ScriptStep in fake-upstream.ts). Clears the task's counters.
 */
export async function scriptUpstream(taskId: string, steps: ScriptStep[]) {
  const response = await fetch(`${FAKE_UPSTREAM}/__script/${encodeURIComponent(taskId)}`, {
    method: 'POST',
    body: JSON.stringify({ steps }),
  })
  if (!response.ok) throw new Error(`scripting ${taskId} failed: ${response.status}`)
}

export { expect }
