// @vitest-environment jsdom
// Both payload corpora of issue 6 drawn by the task page's own parts (summary, failure, results
// through the renderer registry): nothing throws, nothing is blank, unknown parts are raw JSON,
// and no hostile string becomes an element, an event handler, or a live link or source.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { badInputs, bodyText } from '../testing/corpora/bad-inputs'
import { DANGEROUS_URLS, HOSTILE_IDS, MARKUP, SAFE_SCHEMES, markupCases, urlCases } from '../testing/corpora/injections'
import { configQueries, type ServerConfig } from '../api/get-config'
import { ApiError } from '../api/problem'
import { readTask } from '../api/get-task'
import type { TaskView } from '../api/task-view'
import { routeOf, taskPath } from '../lib/router'
import { fileNameFor } from '../api/file-name'
import { RESULTS_PER_PAGE, ResultsSection } from '../renderers/results-section'
import { curlCommand } from '../tasks/copy-as-curl'
import { STATUS_LABEL } from '../api/status'
import { TaskFailure } from '../tasks/task-failure'
import { TaskSummary } from '../tasks/task-summary'

const CONFIG: ServerConfig = { serverKey: false, upstreamBaseUrl: 'https://api.foxapi.cc', demo: false, demoTasks: [] }

beforeAll(() => {
  // jsdom has no layout, so no ResizeObserver; the transcript timeline only needs one to exist.
  vi.stubGlobal('ResizeObserver', class {
    observe() {}
    unobserve() {}
    disconnect() {}
  })
  // Nothing here may reach a network: a renderer that fetches (a waveform) gets a refusal.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in unit tests')))
})

afterEach(cleanup)

function TaskParts({ task }: { task: TaskView }) {
  return (
    <>
      <TaskSummary task={task} history={[]} />
      <TaskFailure task={task} />
      <ResultsSection task={task} />
    </>
  )
}

/** Draws the task as its page would, once every lazily loaded renderer it needs has arrived. */
async function renderTask(task: TaskView) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  client.setQueryData(configQueries.server().queryKey, CONFIG)
  const view = render(
    <QueryClientProvider client={client}>
      <TaskParts task={task} />
    </QueryClientProvider>,
  )
  await waitFor(() => expect(screen.queryByText(/^Loading the .+ view…$/)).toBeNull(), { timeout: 15_000 })
  // A renderer that throws is caught by its section's boundary, which says so: that counts as broken.
  expect(view.container.textContent).not.toMatch(/could not be shown|could not load/)
  return view
}

function read(body: unknown): TaskView {
  return readTask(body, 'task-requested')
}

/** Attributes through which a browser fetches or navigates. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'ping', 'cite'])
/** Elements content must never create (the page's own hidden Save all frame is an iframe). */
const FORBIDDEN_ELEMENTS = 'script, object, embed, base, meta, link, style, frame, frameset, applet, svg, math, form'

/** No element, handler or live link that content could have planted. */
function expectInert(container: HTMLElement) {
  expect(container.querySelectorAll(FORBIDDEN_ELEMENTS).length, 'elements content may not create').toBe(0)
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `${element.tagName.toLowerCase()} has ${attribute.name}`).toBe(false)
      if (!URL_ATTRIBUTES.has(attribute.name)) continue
      // Read as the browser reads it: leading spaces, tabs and newlines do not hide a scheme.
      let scheme: string
      try {
        scheme = new URL(attribute.value, document.baseURI).protocol
      } catch {
        scheme = 'unparseable'
      }
      expect(SAFE_SCHEMES.has(scheme), `${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}"`).toBe(true)
    }
  }
  for (const frame of container.querySelectorAll('iframe')) expect(frame.getAttribute('src')).toBeNull()
}

it('the inertness check itself catches a planted element, handler or live link', () => {
  for (const html of ['<a href=" javascript:x">a</a>', '<img src="data:text/html,x">', '<div onclick="x"></div>', '<script></script>', '<video poster="vbscript:x"></video>']) {
    const host = document.createElement('div')
    host.innerHTML = html
    expect(() => expectInert(host), html).toThrow()
  }
})

describe('the bad-input corpus, drawn', () => {
  it.each(badInputs.map((input) => [input.name, input] as const))('%s', async (_name, input) => {
    let task: TaskView
    try {
      task = read(JSON.parse(bodyText(input)))
    } catch (error) {
      // Not a task at all: the page shows the problem's sentence instead (see problem.test.ts).
      expect(error).toBeInstanceOf(ApiError)
      expect(input.expect.readable).toBe(false)
      return
    }
    const { container } = await renderTask(task)
    // Never blank: the ID, the status and the progress bar are always there. (Found by selector:
    // role queries over every case would take minutes in jsdom; the browser tests use roles.)
    expect(container.querySelector('h1')?.textContent).toBe(task.id)
    const status = screen.getByTestId('task-status').textContent ?? ''
    expect(status.startsWith(STATUS_LABEL[task.status])).toBe(true)
    expect(container.querySelector('[role="progressbar"]')).not.toBeNull()
    if (task.status === 'failed') expect(container.querySelector('[aria-label="Task error"]')?.textContent).toMatch(/The task failed.+/)
    // Every raw artifact drawn is on screen as a JSON tree.
    for (const artifact of task.artifacts.filter((a) => a.kind === 'raw').slice(0, RESULTS_PER_PAGE)) {
      expect(container.querySelector(`[role="group"][aria-label="Result ${artifact.index + 1} as JSON"]`), `result ${artifact.index + 1}`).not.toBeNull()
    }
    if (task.artifacts.length > 0) expect(container.querySelector('#results-heading')?.textContent).toBe('Results')
    expectInert(container)
  }, 30_000)
})

it('draws a hundred of 10,000 results at first, and a hundred more each time it is asked', async () => {
  const input = badInputs.find((candidate) => candidate.name === '10,000 image results')
  if (!input) throw new Error('the corpus has lost its 10,000-result case')
  await renderTask(read(JSON.parse(bodyText(input))))
  const images = screen.getByRole('region', { name: 'Images' })
  // Counted by tag: role queries over hundreds of cards take seconds in jsdom.
  expect(images.querySelectorAll('figure')).toHaveLength(RESULTS_PER_PAGE)
  fireEvent.click(within(images).getByText('Show 100 more (9,900 not shown yet)'))
  expect(images.querySelectorAll('figure')).toHaveLength(2 * RESULTS_PER_PAGE)
  expect(within(images).getByText('Show 100 more (9,800 not shown yet)').tagName).toBe('BUTTON')
}, 30_000)

// Every hostile string at once in each family of fields, and then, for the chat answer (the one
// renderer that reads markup, where one string's context can change another's), each on its own.
describe('markup in task fields', () => {
  const every = MARKUP.join('\n')
  it.each(markupCases(every).map((c) => [c.name, c] as const))('%s is shown as text, never as markup', async (_case, { payload, shownAsText }) => {
    const { container } = await renderTask(read(JSON.parse(JSON.stringify(payload))))
    expectInert(container)
    if (shownAsText) expect(container.textContent).toContain(shownAsText)
  })

  it.each(MARKUP.map((text) => [JSON.stringify(text), text] as const))('%s alone in a chat answer stays inert', async (_name, text) => {
    const [chat] = markupCases(text)
    const { container } = await renderTask(read(JSON.parse(JSON.stringify(chat?.payload))))
    expectInert(container)
  })
})

describe('dangerous URLs in link fields', () => {
  it.each(urlCases(DANGEROUS_URLS).map((c) => [c.name, c] as const))('%s never become a link or a source', async (_case, { payload }) => {
    const { container } = await renderTask(read(JSON.parse(JSON.stringify(payload))))
    expectInert(container)
    // Shown, though: as raw JSON text, or as the link's words in a chat answer.
    expect(container.textContent).toMatch(/Result 1|click me/)
  })

  it.each(DANGEROUS_URLS.map((url) => [JSON.stringify(url), url] as const))('%s alone in a chat answer never becomes a link', async (_name, url) => {
    const chat = urlCases([url]).at(-1)
    const { container } = await renderTask(read(JSON.parse(JSON.stringify(chat?.payload))))
    expectInert(container)
    expect(container.textContent).toContain('click me')
  })
})

describe.each(HOSTILE_IDS.map((hostile) => [hostile.name, hostile.id] as const))('a task ID with %s', (_name, id) => {
  it('opens by its own deep link and no other', () => {
    expect(routeOf(taskPath(id))).toEqual({ page: 'task', taskId: id })
    expect(taskPath(id).split('/')).toHaveLength(3)
  })

  it('stays inside its quotes and its path segment in the curl line', () => {
    const command = curlCommand('https://api.foxapi.cc', id, undefined)
    const quoted = `'https://api.foxapi.cc/v1/tasks/${encodeURIComponent(id).replace(/'/g, `'\\''`)}'`
    expect(command.endsWith(` ${quoted}`)).toBe(true)
    expect(command).not.toMatch(/[\r\n]/)
  })

  it('names saved files without a path in them', () => {
    const name = fileNameFor(id, { kind: 'image', index: 0, url: 'https://cdn.foxapi.cc/a.png', contentType: 'image/png', width: undefined, height: undefined })
    expect(name).not.toMatch(/[/\\\s\p{Cc}\u202e]/u)
  })

  it('is shown as text in the summary', async () => {
    const { container } = await renderTask(read({ id, status: 'pending' }))
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(id)
    expectInert(container)
  })
})
