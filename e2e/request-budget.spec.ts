// The request budget, counted where it matters: at the fake foxapi, which notes when each task
// query arrives. "5 queries a second" must mean at most 5 in any second there, and no fewer than
// the budget allows: the page starts them a fifth of a second apart (decision 0026).
//
// These run in a project of their own, after every other spec and one at a time: the fake's clock
// is the time its event loop gets to each request, and with both cores busy with other tests'
// browsers that can lag by up to 30 ms, enough to put six arrivals 205 ms apart inside one second.
// Alone, it lags by under a millisecond as a rule and 17.5 ms at most seen, within the 25 ms a
// second the server adds on the last hop.
import { z } from 'zod'
import { expect, TaskPage, test } from './fixtures'
import { FAKE_UPSTREAM } from './ports'

const Load = z.object({ queries: z.number(), maxInFlight: z.number(), maxPerSecond: z.number(), starts: z.array(z.number()) })

/** What the fake foxapi saw of a batch group, and the gaps between its arrivals, to say in a failure. */
async function loadAtFoxapi(group: string) {
  const seen = Load.parse(await (await fetch(`${FAKE_UPSTREAM}/__load/${group}`)).json())
  const gaps = seen.starts.slice(1).map((at, i) => Math.round(at - (seen.starts[i] ?? at)))
  // In the report of a passing run too: the shortest gap says how far the fake's clock lagged.
  test.info().annotations.push({ type: 'shortest arrival gap', description: `${Math.min(...gaps)} ms` })
  return { ...seen, arrivals: `arrival gaps at foxapi: ${gaps.join(', ')} ms` }
}

test('fifty tasks pasted at once all settle, and foxapi never sees more than the budget', async ({ page }) => {
  test.setTimeout(90_000)
  const group = Math.random().toString(36).slice(2, 8)
  const ids = Array.from({ length: 50 }, (_, n) => `fake-batch-${group}-${n}`)
  await page.goto('/')
  await new TaskPage(page).useKey('sk-test-e2e-batch')
  await page.getByLabel('Task ID', { exact: true }).fill(ids.join('\n'))
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  // The totals line counts every row, drawn or not (the list draws only those near the window).
  const totals = page.getByTestId('watchlist-totals')
  await expect(totals).toHaveText(/^50 done\b/, { timeout: 80_000 })
  const seen = await loadAtFoxapi(group)
  expect(seen.queries).toBeGreaterThanOrEqual(100)
  expect(seen.maxInFlight).toBeLessThanOrEqual(4)
  // The budget is used, not stretched: some second holds exactly five.
  expect(seen.maxPerSecond, seen.arrivals).toBe(5)
})

test('the request budget is a setting, and foxapi sees no more than it allows', async ({ page }) => {
  const group = Math.random().toString(36).slice(2, 8)
  const ids = Array.from({ length: 6 }, (_, n) => `fake-batch-${group}-${n}`)
  await page.goto('/')
  await new TaskPage(page).useKey('sk-test-e2e-budget')
  await page.getByLabel('Task ID', { exact: true }).fill(ids[0] ?? '')
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  // One ID opens its task; the watchlist is at home.
  await page.getByRole('link', { name: 'foxwatch' }).click()
  await page.getByText(/^Request budget: 4 in flight, 5 a second$/).click()
  await page.getByLabel('Queries in flight at most').fill('1')
  await page.getByLabel('Queries per second at most').fill('2')
  await expect(page.getByText('Request budget: 1 in flight, 2 a second')).toBeVisible()
  await page.getByLabel('Task ID', { exact: true }).fill(ids.join('\n'))
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  const statuses = page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')
  await expect(statuses.filter({ hasText: 'Completed' })).toHaveCount(6, { timeout: 20_000 })
  const seen = await loadAtFoxapi(group)
  expect(seen.maxInFlight).toBe(1)
  expect(seen.maxPerSecond, seen.arrivals).toBe(2)
})
