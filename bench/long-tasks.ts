// The page's main-thread tasks over 50 ms (PerformanceObserver longtask), recorded from the first
// script on, and taken in spans: what a span saw, and a fresh start for the next.
import type { BrowserContext, Page } from '@playwright/test'

declare global {
  interface Window {
    __benchLongTasks?: number[]
  }
}

/** Records every long task of the context's pages from their first script on. */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const durations: number[] = []
    window.__benchLongTasks = durations
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
}

/** The long tasks' durations since the last take (or the page's start), in ms. */
export function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const seen = [...(window.__benchLongTasks ?? [])]
    if (window.__benchLongTasks) window.__benchLongTasks.length = 0
    return seen
  })
}
