// The injection corpus through parse and normalise: no hostile URL comes out as a link-bearing
// artifact, and every hostile task ID stays one URL-encoded path segment on its way out.
import { describe, expect, it } from 'vitest'
import { readTask } from './get-task'
import { taskUrl } from './task-request'
import { isWebUrl } from './normalize-task'
import { hasUrl, type TaskView } from './task-view'
import { DANGEROUS_URLS, HOSTILE_IDS, INJECTION_COUNT, MARKUP, markupCases, urlCases } from '../testing/corpora/injections'

/** The payload as it comes off the wire, read the way the page reads it. */
function read(payload: unknown): TaskView {
  return readTask(JSON.parse(JSON.stringify(payload)), 'task-requested')
}

it('counts every hostile string once', () => {
  expect(INJECTION_COUNT).toBe(MARKUP.length + DANGEROUS_URLS.length + HOSTILE_IDS.length)
  for (const list of [MARKUP, DANGEROUS_URLS, HOSTILE_IDS.map((hostile) => hostile.id)]) expect(new Set(list).size).toBe(list.length)
})

describe.each(DANGEROUS_URLS.map((url) => [JSON.stringify(url), url] as const))('the URL %s', (_name, url) => {
  it('is never taken for a web address', () => {
    expect(isWebUrl(url)).toBe(false)
  })

  it.each(urlCases([url]).map((c) => [c.name, c] as const))('%s never becomes a media artifact', (_case, { payload }) => {
    const task = read(payload)
    expect(task.artifacts.filter(hasUrl)).toEqual([])
    // What could not be shown as media is shown as raw JSON, not dropped.
    expect(task.artifacts.length).toBeGreaterThan(0)
  })
})

describe.each(MARKUP.map((text) => [JSON.stringify(text), text] as const))('the markup %s', (_name, text) => {
  it.each(markupCases(text).map((c) => [c.name, c] as const))('%s is read as plain data', (_case, { payload }) => {
    const task = read(payload)
    expect(task.artifacts.length + (task.error ? 1 : 0)).toBeGreaterThan(0)
    expect(task.artifacts.filter(hasUrl).every((artifact) => isWebUrl(artifact.url))).toBe(true)
  })
})

describe.each(HOSTILE_IDS.map((hostile) => [hostile.name, hostile.id] as const))('a task ID with %s', (_name, id) => {
  it('goes to the foxwatch server as exactly one encoded path segment', () => {
    for (const sync of [false, true]) {
      const url = new URL(taskUrl(id, sync), 'http://127.0.0.1:4173')
      const segments = url.pathname.split('/')
      expect(segments.slice(0, 3)).toEqual(['', 'api', 'tasks'])
      expect(segments).toHaveLength(4)
      expect(decodeURIComponent(segments[3] ?? '')).toBe(id)
      expect(url.hash).toBe('')
      expect([...url.searchParams.keys()]).toEqual(sync ? ['sync_upstream'] : [])
    }
  })
})
