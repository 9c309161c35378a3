// The fault suite: a task page watching one task while the fake upstream misbehaves on cue. For
// every fault the page must keep the last good state, say what is happening, recover by itself,
// never poll faster than the polling policy, and never go blank. A recorder in the page notes
// every change to what is on screen, so a state that lasts half a second is still seen, and when
// each query left. The page's clock is the test's: its waits between queries pass when the test
// moves the clock on, so a storm's backoff takes no real time, and the gaps are measured on that
// clock exactly.
import type { Page } from '@playwright/test'
import { z } from 'zod'
import { normalizeTask } from '../src/api/normalize-task'
import type { Problem } from '../src/api/problem'
import { RawTask } from '../src/api/task-schema'
import { nextPollDelay } from '../src/api/polling'
import { STATUS_LABEL } from '../src/api/status'
import { recordAnswer, recordProblem, type TaskWatch } from '../src/api/task-watch'
import type { ScriptStep } from './fake-upstream'
import { expect, scriptUpstream, test, uniqueId, upstreamQueries, type TaskPage } from './fixtures'
import { FAKE_UPSTREAM } from './ports'

const KEY = 'sk-test-faults-0123456789'
const MB = 1024 * 1024
/** How far the page's clock moves at each step while a test waits for the page to get somewhere. */
const STEP_MS = 250

// ── What the fake upstream sends ─────────────────────────────────────────────────────────────────

/**
 * Each test's task was created as the test began: the polling policy waits longer for an older
 * task, and a time fixed when this file loaded would age every later test's task by minutes.
 */
let createdNow = Math.floor(Date.now() / 1000)
test.beforeEach(() => {
  createdNow = Math.floor(Date.now() / 1000)
})

function taskJson(status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'image.generation.task', type: 'image', model: 'fake-image-1', status, progress: 0,
    created: createdNow, results: null, error: null, usage: { credits_reserved: 2, user_group: 'default' }, ...extra,
  }
}

/** One scripted answer, and how the page takes it: as a task, or as a problem. */
type Played = { step: ScriptStep; as: Problem | 'answer' }

const answer = (json: Record<string, unknown>, extra: Omit<ScriptStep, 'json'> = {}): Played => ({ step: { json, ...extra }, as: 'answer' })
const processing = (progress: number, extra: Record<string, unknown> = {}) => answer(taskJson('processing', { progress, ...extra }))
const completedJson = (extra: Record<string, unknown> = {}) => taskJson('completed', {
  progress: 100,
  results: [{ url: `${FAKE_UPSTREAM}/files/fault-result.png`, content_type: 'image/png', width: 512, height: 512 }],
  ...extra,
})
const completed = (extra: Record<string, unknown> = {}) => answer(completedJson(extra))
const failing = (step: ScriptStep, as: Problem, times = 1): Played[] => Array.from({ length: times }, () => ({ step, as }))
const errorBody = (type: string, message: string) => ({ error: { type, message } })

const unreachable: Problem = { kind: 'network', where: 'foxapi' }
const timeout: Problem = { kind: 'timeout' }
const unreadable: Problem = { kind: 'bad-response', detail: '' }
const upstream = (status: number): Problem => ({ kind: 'upstream', status, retryAfterSeconds: undefined, message: undefined })
const rateLimited = (retryAfterSeconds: number | undefined): Problem => ({ kind: 'rate-limited', retryAfterSeconds })

/** A good answer (processing, 20 %), then the fault, then foxapi recovers: completed. */
const around = (fault: Played[]): Played[] => [processing(20), ...fault, completed()]

const halfTask = JSON.stringify(taskJson('processing', { progress: 40 }))

type Journey = {
  name: string
  steps: Played[]
  /** The sentence in the alert while the fault lasts; undefined when the page should simply cope. */
  says: RegExp | undefined
  /** The page's clock keeps to the wall clock (not moved on faster): the fault names a wall-clock time. */
  wallClock?: true
}

const journeys: Journey[] = [
  { name: 'a refused connection', steps: around(failing({ refuse: true }, unreachable)), says: /foxwatch cannot reach foxapi right now/ },
  {
    name: 'foxapi down from the first query on',
    steps: [...failing({ refuse: true }, unreachable, 2), processing(20), completed()],
    says: /foxwatch cannot reach foxapi right now/,
  },
  { name: 'a connection reset mid-body', steps: around(failing({ json: taskJson('processing', { progress: 40 }), reset: true }, unreachable)), says: /cannot reach foxapi/ },
  { name: 'a response that never ends', steps: around(failing({ json: taskJson('processing', { progress: 40 }), hang: true }, timeout)), says: /foxapi took too long to answer/ },
  {
    name: 'a drip slower than the time limit',
    steps: around(failing({ json: taskJson('processing', { progress: 40 }), drip: { bytes: 8, everyMs: 250 } }, timeout)),
    says: /foxapi took too long to answer/,
  },
  { name: 'a slow drip within the time limit', steps: around([answer(taskJson('processing', { progress: 40 }), { drip: { bytes: 48, everyMs: 120 } })]), says: undefined },
  { name: 'a storm of 500s', steps: around(failing({ status: 500, json: errorBody('server_error', 'Internal error') }, upstream(500), 2)), says: /foxapi is having trouble \(HTTP 500\): Internal error/ },
  { name: 'a storm of 502s', steps: around(failing({ status: 502, json: errorBody('server_error', 'Bad gateway') }, upstream(502), 2)), says: /foxapi is having trouble \(HTTP 502\): Bad gateway/ },
  {
    name: 'a storm of 503s',
    steps: around(failing({ status: 503, json: errorBody('service_unavailable_error', 'No channel') }, upstream(503), 3)),
    says: /foxapi is having trouble \(HTTP 503\): No channel/,
  },
  {
    name: '429 with Retry-After in seconds',
    steps: around(failing({ status: 429, json: errorBody('rate_limit_error', 'Slow down'), headers: { 'retry-after': '2' } }, rateLimited(2))),
    says: /foxapi asked us to slow down; next try in 2 s/,
  },
  {
    // The date has whole seconds, so the wait it asks for is between 2 and 3 s from the answer.
    name: '429 with Retry-After as an HTTP date',
    steps: around(failing({ status: 429, json: errorBody('rate_limit_error', 'Slow down'), retryAfterDate: 3 }, rateLimited(2))),
    says: /foxapi asked us to slow down; next try in [23] s/,
    wallClock: true,
  },
  { name: '429 without Retry-After', steps: around(failing({ status: 429, json: errorBody('rate_limit_error', 'Slow down') }, rateLimited(undefined))), says: /foxapi asked us to slow down\./ },
  {
    name: 'an HTML error page',
    steps: around(failing({ status: 502, raw: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } }, upstream(502))),
    // The server never passes markup on: its own JSON problem names what foxapi sent.
    says: /foxapi is having trouble \(HTTP 502\): it sent text\/html, not JSON\./,
  },
  {
    name: 'an HTML page with 200 where JSON was expected',
    steps: around(failing({ raw: '<!doctype html><html><body>Welcome to nginx!</body></html>', headers: { 'content-type': 'text/html' } }, unreadable)),
    says: /foxapi sent an answer foxwatch could not read/,
  },
  { name: 'truncated JSON', steps: around(failing({ raw: halfTask.slice(0, Math.floor(halfTask.length / 2)) }, unreadable)), says: /could not read/ },
  { name: 'invalid JSON', steps: around(failing({ raw: "{status: 'processing', progress: 40,}" }, unreadable)), says: /could not read/ },
  { name: 'JSON that is not a task', steps: around(failing({ json: [{ hello: 'world' }] }, unreadable)), says: /could not read/ },
  {
    name: 'a body past the 32 MB cap',
    // Declared, as most servers do; a body past the cap with no length given is a unit test.
    steps: around(failing({ json: taskJson('processing', { progress: 40 }), bigBytes: 33 * MB, headers: { 'content-length': String(33 * MB) } }, upstream(502))),
    says: /HTTP 502\): foxapi sent more than 32 MB for one task/,
  },
  { name: 'a 10 MB body', steps: [processing(20), answer(completedJson(), { bigBytes: 10 * MB })], says: undefined },
  { name: 'progress above 100', steps: [processing(150), completed()], says: undefined },
  { name: 'negative progress', steps: [processing(-20), processing(30), completed()], says: undefined },
]

// ── What the page shows, as it changes ───────────────────────────────────────────────────────────

const Snapshot = z.object({
  at: z.number(),
  /** The task's status badge, or null when none is on screen. */
  status: z.string().nullable(),
  progress: z.string().nullable(),
  alert: z.string().nullable(),
  /** Status sentences in the page's main part (role=status). */
  note: z.string().nullable(),
  /** Nothing at all in the main part: no task, no alert, no sentence. */
  blank: z.boolean(),
})
type Snapshot = z.infer<typeof Snapshot>

/** Records every change to the status, progress, alerts and notes from the first paint on. */
async function record(page: Page) {
  await page.addInitScript(() => {
    const seen: unknown[] = []
    Object.assign(window, { faultTimeline: seen })
    let last = ''
    const textOf = (selector: string) =>
      Array.from(document.querySelectorAll(`main ${selector}`), (e) => e.textContent?.trim() ?? '').join(' | ') || null
    const snap = () => {
      if (!document.querySelector('main')) return
      const status = document.querySelector('main [data-testid="task-status"]')?.textContent ?? null
      const progress = document.querySelector('main [role="progressbar"]')?.getAttribute('aria-valuenow') ?? null
      const alert = textOf('[role="alert"]')
      const note = textOf('[role="status"]')
      const entry = { status, progress, alert, note, blank: status === null && alert === null && note === null }
      const key = JSON.stringify(entry)
      if (key !== last) seen.push({ ...entry, at: Date.now() })
      last = key
    }
    new MutationObserver(snap).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
    // When each task query left the page, on the page's clock, and how many are still on their way.
    const asked: number[] = []
    const inFlight = { count: 0 }
    // Each change of the count, on the page's clock: what a journey that did not finish reports.
    const counted: string[] = []
    Object.assign(window, { faultQueries: asked, faultQueriesInFlight: inFlight, faultInFlightLog: counted })
    const send = window.fetch.bind(window)
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (!url.includes('/api/tasks/')) return send(input, init)
      asked.push(Date.now())
      inFlight.count += 1
      counted.push(`${Date.now()} sent, ${inFlight.count} on the way`)
      const answered = send(input, init)
      // Until the body is read too: a slow drip is still the query on its way.
      void answered.then((response) => {
        counted.push(`${Date.now()} answered ${response.status}`)
        return response.clone().arrayBuffer()
      }).catch((error: unknown) => {
        counted.push(`${Date.now()} failed: ${String(error)}`)
      }).finally(() => {
        inFlight.count -= 1
        counted.push(`${Date.now()} done, ${inFlight.count} on the way`)
      })
      return answered
    }
  })
}

/** When each task query left the page, on the page's clock. */
async function queriesSent(page: Page): Promise<number[]> {
  return z.array(z.number()).parse(await page.evaluate(() => Reflect.get(window, 'faultQueries')))
}

/**
 * Moves the page's clock on, a step at a time, until the task shows `status`: every wait the
 * page makes between queries passes at once, and what takes real time still does. The clock
 * stands still while a query is on its way, so the page's own time limit on a query runs in
 * real time against the server's, as it would for a person: moved on, it would give up on
 * queries the server is still answering.
 */
async function runUntilStatus(page: Page, status: string, { wallClock = false } = {}) {
  await expect.poll(async () => {
    if (!wallClock && (await queriesInFlight(page)) === 0) await page.clock.runFor(STEP_MS)
    return page.getByTestId('task-status').allTextContents()
  }, { timeout: 25_000, intervals: [50] }).toEqual([status])
}

async function queriesInFlight(page: Page): Promise<number> {
  return z.number().parse(await page.evaluate(() => (Reflect.get(window, 'faultQueriesInFlight') as { count: number }).count))
}

async function timelineOf(page: Page): Promise<Snapshot[]> {
  return z.array(Snapshot).parse(await page.evaluate(() => Reflect.get(window, 'faultTimeline')))
}

/** Opens the task with a key already in this browser session, recording what the page shows. */
async function open(page: Page, taskPage: TaskPage, id: string) {
  await page.clock.install()
  await record(page)
  await taskPage.keyInSession(KEY)
  await taskPage.open(id)
}

/** Once the task is on screen it stays: no blank, no status vanishing, progress in 0–100. */
function expectNeverBlank(timeline: Snapshot[]) {
  const first = timeline.findIndex((s) => s.status !== null)
  expect(first, 'the task appeared').toBeGreaterThanOrEqual(0)
  expect(timeline.slice(first).filter((s) => s.status === null), 'snapshots without the task after it appeared').toEqual([])
  // Before the first answer the page says it is asking, or what went wrong: never nothing.
  expect(timeline.filter((s) => s.blank), 'blank snapshots').toEqual([])
  for (const { progress } of timeline) {
    if (progress !== null) expect(Number(progress)).toBeGreaterThanOrEqual(0)
    if (progress !== null) expect(Number(progress)).toBeLessThanOrEqual(100)
  }
}

/** Progress on screen never goes backwards. */
function progressShown(timeline: Snapshot[]): number[] {
  const values = timeline.flatMap((s) => (s.progress === null ? [] : [Number(s.progress)]))
  return values.filter((v, i) => v !== values[i - 1])
}

/**
 * The least time the polling policy allows after each answer, replayed from the script with the
 * page's own pure functions and the jitter at its lowest. Each answer is replayed at the time its
 * query left the page: the page had it a little later, so its task was a little older and its
 * wait (which grows with the task's age) no shorter.
 */
function policyFloors(steps: Played[], id: string, times: readonly number[]): number[] {
  let watch: TaskWatch | undefined
  return steps.slice(0, -1).map(({ step, as }, i) => {
    const now = times[i] ?? Date.now()
    watch = as === 'answer' ? recordAnswer(watch, normalizeTask(RawTask.parse(step.json), id), now) : recordProblem(watch, as, now)
    const delay = nextPollDelay({ watch, hidden: false, now, random: 0 })
    return delay === false ? Infinity : delay
  })
}

async function expectPolicyKept(page: Page, steps: Played[], id: string) {
  const times = await queriesSent(page)
  expect(times, 'one query per scripted answer').toHaveLength(steps.length)
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0))
  const floors = policyFloors(steps, id, times)
  const tooSoon = gaps.flatMap((gap, i) => (gap < (floors[i] ?? 0) ? [`query ${i + 2}: ${gap} ms after, policy ${floors[i]} ms`] : []))
  expect(tooSoon, `gaps ${gaps.join(', ')} ms against floors ${floors.join(', ')} ms`).toEqual([])
  return floors
}

const labelOf = (played: Played, id: string) => {
  const task = normalizeTask(RawTask.parse(played.step.json), id)
  return { status: STATUS_LABEL[task.status], progress: String(task.progress ?? 0) }
}

// ── The suite ────────────────────────────────────────────────────────────────────────────────────

/** Watches one scripted journey to its end and checks the five promises on what was recorded. */
async function survive(journey: Journey, page: Page, taskPage: TaskPage) {
  const id = uniqueId('fault')
  await scriptUpstream(id, journey.steps.map((p) => p.step))
  await open(page, taskPage, id)

  // Recovers by itself, all the way to the result, and the alert goes.
  try {
    await runUntilStatus(page, 'Completed', { wallClock: journey.wallClock ?? false })
  } catch (error) {
    // What each side saw, for a journey that did not finish: foxapi's queries on the wall clock,
    // the page's on its own clock, and what the page showed.
    const foxapi = (await upstreamQueries(id)).map((query) => query.at)
    const sent = await queriesSent(page)
    const shown = (await timelineOf(page)).map((s) => `${s.at} ${s.status ?? '-'} ${s.progress ?? '-'} ${s.alert ?? ''}`)
    const counted = z.array(z.string()).parse(await page.evaluate(() => Reflect.get(window, 'faultInFlightLog')))
    throw new Error(`${String(error)}\nfoxapi was asked at ${foxapi.join(', ')}\nthe page sent at ${sent.join(', ')}\nit showed:\n${shown.join('\n')}`
      + `\nqueries on their way:\n${counted.join('\n')}`, { cause: error })
  }
  await expect(page.getByRole('img', { name: /^Result 1/ })).toBeVisible()
  await expect(taskPage.alert).toHaveCount(0)
  await expect(taskPage.progress).toHaveAttribute('aria-valuenow', '100')
  expect(await upstreamQueries(id), 'one query per scripted answer, none after completed').toHaveLength(journey.steps.length)

  const timeline = await timelineOf(page)
  expectNeverBlank(timeline)
  const shown = progressShown(timeline)
  expect(shown, 'progress never goes backwards').toEqual(shown.toSorted((a, b) => a - b))

  const alerts = timeline.filter((s) => s.alert !== null)
  if (!journey.says) {
    expect(alerts, 'nothing to alert about').toEqual([])
  } else {
    // Says what is happening, and that it keeps trying.
    expect(alerts.length, 'an alert while the fault lasts').toBeGreaterThan(0)
    for (const { alert } of alerts) {
      expect(alert).toMatch(journey.says)
      expect(alert).toContain('Reconnecting: foxwatch keeps trying')
    }
    // Keeps the last good state: whatever was on screen before the fault stays while it lasts.
    const firstFault = journey.steps.findIndex((p) => p.as !== 'answer')
    const lastGood = journey.steps.slice(0, firstFault).at(-1)
    const expected = lastGood ? labelOf(lastGood, id) : { status: null, progress: null }
    expect(alerts.map(({ status, progress }) => ({ status, progress }))).toEqual(alerts.map(() => expected))
    if (lastGood) expect(alerts.every((s) => s.alert?.includes('what is shown is the last good answer'))).toBe(true)
  }

  const floors = await expectPolicyKept(page, journey.steps, id)
  // During a storm the spacing backs off: the least wait after each failure in a row is longer
  // than after the one before, and every gap kept its least wait (above). The gaps themselves
  // are jittered (half of each wait is random), so one can come out shorter than the one before.
  const storm = journey.steps.flatMap((p, i) => (p.as !== 'answer' && i > 0 && journey.steps[i - 1]?.as !== 'answer' ? [i] : []))
  for (const i of storm) expect(floors[i] ?? 0, `least wait after failure ${i + 1} against the one before`).toBeGreaterThan(floors[i - 1] ?? Infinity)
}

type Oddity = { name: string; run: (fixtures: { page: Page; taskPage: TaskPage }) => Promise<void> }

/** Faults that need more than a script and a journey: the clock, a person's action, a reload. */
const oddities: Oddity[] = [
  {
    name: 'a created time in the future: no negative age, links last no more than 24 h',
    run: async ({ page, taskPage }) => {
      const id = uniqueId('fault')
      const ahead = { created: Math.floor(Date.now() / 1000) + 3 * 3600 }
      const steps = [processing(20, ahead), completed(ahead)]
      await scriptUpstream(id, steps.map((p) => p.step))
      await open(page, taskPage, id)
      await runUntilStatus(page, 'Completed')
      const summary = page.getByRole('region', { name: 'Task summary' })
      await expect(summary.getByText(/^(3 h 0 min|2 h 59 min) ahead of this computer’s clock$/)).toBeVisible()
      await expect(summary).not.toContainText(' ago')
      await expect(page.getByTestId('link-expiry')).toContainText(/Result links expire in (24 h 0 min|23 h 59 min)/)
      expectNeverBlank(await timelineOf(page))
      await expectPolicyKept(page, steps, id)
    },
  },
  {
    name: 'an older answer after a newer one: progress and status never go backwards, and the page says so',
    run: async ({ page, taskPage }) => {
      const id = uniqueId('fault')
      const steps = [processing(70), processing(30), answer(taskJson('pending')), completed()]
      await scriptUpstream(id, steps.map((p) => p.step))
      await open(page, taskPage, id)
      await runUntilStatus(page, 'Completed')
      const timeline = await timelineOf(page)
      expectNeverBlank(timeline)
      expect(progressShown(timeline)).toEqual([70, 100])
      expect(timeline.map((s) => s.status).filter((s, i, all) => s !== null && s !== all[i - 1])).toEqual(['Processing', 'Completed'])
      const notes = timeline.filter((s) => s.note?.includes('older than what is shown'))
      expect(notes.every((s) => s.status === 'Processing' && s.progress === '70'), 'the newer answer stays while the note shows').toBe(true)
      expect(notes.map((s) => s.note)).toContainEqual(expect.stringContaining('foxapi’s latest answer (Processing, 30%) is older than what is shown'))
      expect(notes.map((s) => s.note)).toContainEqual(expect.stringContaining('foxapi’s latest answer (Pending) is older than what is shown'))
      // The next answer that moves on clears the note.
      await expect(page.getByText('older than what is shown')).toHaveCount(0)
      await expectPolicyKept(page, steps, id)
    },
  },
  {
    name: 'a late answer to an abandoned query: a newer answer is never overwritten',
    run: async ({ page, taskPage }) => {
      const id = uniqueId('fault')
      // The second query is answered 2.5 s late with what was true when it was asked; meanwhile
      // the person enters another key, so a newer query overtakes it. The page's clock runs on
      // its own here: the late answer must come back while the newer ones are still coming.
      const late = answer(taskJson('processing', { progress: 30 }), { delayMs: 2500 })
      const steps = [processing(20), late, processing(70), processing(80), completed()]
      await scriptUpstream(id, steps.map((p) => p.step))
      await open(page, taskPage, id)
      await expect(taskPage.progress).toHaveAttribute('aria-valuenow', '20')
      await expect.poll(async () => (await upstreamQueries(id)).length).toBe(2)
      await page.getByRole('button', { name: 'Forget key' }).click()
      await taskPage.useKey(`${KEY}-other`)
      await expect(taskPage.status).toHaveText('Completed', { timeout: 20_000 })
      const queries = await upstreamQueries(id)
      expect(queries.map((q) => q.authorization)).toEqual([KEY, KEY, ...Array<string>(3).fill(`${KEY}-other`)].map((k) => `Bearer ${k}`))
      // The late answer came back while newer ones were on screen, and never replaced them.
      expect(queries.at(-1)?.at ?? 0).toBeGreaterThan((queries[1]?.at ?? 0) + 2500)
      const timeline = await timelineOf(page)
      expectNeverBlank(timeline)
      expect(progressShown(timeline)).toEqual([20, 70, 80, 100])
    },
  },
  {
    name: 'a task that goes backwards after completing: it stays completed, after a reload and in the watchlist',
    run: async ({ page, taskPage }) => {
      const id = uniqueId('fault')
      await scriptUpstream(id, [processing(20), completed(), processing(50)].map((p) => p.step))
      await open(page, taskPage, id)
      await expect(taskPage.status).toHaveText('Processing')
      await page.clock.runFor(1_100)
      await expect(taskPage.status).toHaveText('Completed')
      // Entering the key again asks every task on screen afresh, settled ones too.
      await page.getByRole('button', { name: 'Forget key' }).click()
      await taskPage.useKey(KEY)
      await expect(page.getByRole('status').filter({ hasText: 'foxapi’s latest answer (Processing, 50%) is older than what is shown' })).toBeVisible()
      await expect(taskPage.status).toHaveText('Completed')
      await expect(taskPage.progress).toHaveAttribute('aria-valuenow', '100')
      await expect(page.getByRole('img', { name: /^Result 1/ })).toBeVisible()
      // A settled task stays settled, so polling does not start again.
      await page.clock.runFor(120_000)
      expect(await upstreamQueries(id)).toHaveLength(3)
      await page.reload()
      await expect(taskPage.status).toHaveText('Completed')
      await taskPage.addToWatchlist()
      await page.getByRole('link', { name: 'foxwatch' }).click()
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: id }) })
      await expect(row.getByTestId('watch-status')).toHaveText('Completed')
      await page.clock.runFor(60_000)
      expect(await upstreamQueries(id)).toHaveLength(3)
    },
  },
]

/** Every fault this suite injects, for docs/reliability.md ("N faults injected and survived"). */
export const faults = [...journeys.map((j) => j.name), ...oddities.map((o) => o.name)]

test.describe(`${faults.length} faults injected`, () => {
  for (const journey of journeys) {
    test(`survives ${journey.name}`, async ({ page, taskPage }) => {
      await survive(journey, page, taskPage)
    })
  }
  for (const oddity of oddities) {
    test(`survives ${oddity.name}`, async ({ page, taskPage }) => {
      await oddity.run({ page, taskPage })
    })
  }
})
