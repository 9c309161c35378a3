import { describe, expect, it, vi } from 'vitest'
import type { Config } from './config.ts'
import { createPacer, lastHopGap } from './pace.ts'
import { createTaskProxy, type Upstream } from './task-proxy.ts'
import { KEY_HEADER } from '../src/contract/key-header.ts'
import { PACE_HEADER, PAGE_HEADER } from '../src/contract/request-pace.ts'

const BASE = 'https://api.foxapi.test'
const SERVER_KEY = 'sk-server-5ecret-KEY-0001'
const BROWSER_KEY = 'sk-browser-5ecret-KEY-0002'
const TASK = 'task-unified-1757165031-uyujaw3d'

function configWith(overrides: Partial<Config> = {}): Config {
  return {
    host: '127.0.0.1',
    port: 4173,
    upstreamBaseUrl: BASE,
    apiKey: undefined,
    demo: true,
    demoPace: 1,
    upstreamTimeoutMs: 1000,
    staticRoot: '/nonexistent',
    allowedHosts: ['127.0.0.1', 'localhost'],
    accessToken: undefined,
    ...overrides,
  }
}

/** An upstream that records each request and answers with `answer`. */
function fake(answer: (request: Request) => Response | Promise<Response> = () => Response.json({ id: TASK, status: 'pending' })) {
  const requests: Request[] = []
  const upstream: Upstream = async (request) => {
    requests.push(request)
    return answer(request)
  }
  return { requests, upstream }
}

type Setup = { config?: Partial<Config>; upstream?: Upstream; demo?: Upstream }

/** Asks a fresh proxy for `taskId` the way the /api/tasks/:id route does. */
function ask(taskId: string, setup: Setup = {}, options: { key?: string; sync?: boolean } = {}) {
  return proxyFor(setup)(taskId, options)
}

/**
 * Calls `onAbort` when the request's signal aborts. An open socket keeps a real fetch (and so
 * the proxy's timeout signal) reachable; a live timer stands in for it, or the garbage collector
 * may take the whole pending chain and the timeout never fires.
 */
function untilAborted(request: Request, onAbort: (reason: unknown) => void) {
  const socket = setInterval(() => request.signal.aborted, 1000)
  request.signal.addEventListener('abort', () => {
    clearInterval(socket)
    onAbort(request.signal.reason)
  })
}

/** Like fetch to a host that never answers: gives up only when the request's signal aborts. */
const silent: Upstream = (request) => new Promise((_resolve, reject) => untilAborted(request, reject))

/**
 * One proxy for several calls, as the server holds one: coalescing happens only within it.
 * `gathered(n)` waits until n calls have reached the sharing point (each hashes its key first,
 * which on a busy machine can take longer than any fixed wait).
 */
function proxyFor({ config, upstream = fake().upstream, demo }: Setup = {}) {
  let arrived = 0
  const proxy = createTaskProxy({ config: configWith(config), upstream, demo, onShare: () => arrived++ })
  const get = (taskId: string, { key, sync = false, signal }: { key?: string; sync?: boolean; signal?: AbortSignal } = {}) => {
    const url = `http://127.0.0.1:4173/api/tasks/${encodeURIComponent(taskId)}${sync ? '?sync_upstream=true' : ''}`
    return proxy(new Request(url, { headers: key === undefined ? {} : { [KEY_HEADER]: key }, ...(signal ? { signal } : {}) }), taskId)
  }
  const gathered = (calls: number) => vi.waitFor(() => expect(arrived).toBe(calls))
  return Object.assign(get, { gathered })
}

async function errorOf(response: Response): Promise<{ type: unknown; message: unknown }> {
  const body: unknown = await response.json()
  if (typeof body !== 'object' || body === null || !('error' in body)) throw new Error('not an error body')
  const error: unknown = body.error
  if (typeof error !== 'object' || error === null) throw new Error('not an error body')
  return { type: 'type' in error ? error.type : undefined, message: 'message' in error ? error.message : undefined }
}

/** The one recorded request; fails the test when there were none or several. */
function single(requests: Request[]): Request {
  expect(requests).toHaveLength(1)
  const [request] = requests
  if (!request) throw new Error('no upstream request')
  return request
}

describe('the upstream URL', () => {
  it.each([
    ['a known-form ID', TASK],
    ['an unknown-form ID', 'abc123'],
    ['a slash', 'a/b'],
    ['a climb out', '../../v1/balance'],
    ['a trailing climb', 'abc/../'],
    ['spaces', 'my task 1'],
    ['an encoded slash, taken literally', '%2F'],
    ['an encoded climb, taken literally', '..%2F..%2Fbalance'],
    ['unicode', 'tâche-ü-タスク-🦊'],
    ['a query and a fragment', 'abc?sync_upstream=false#x'],
    ['a backslash', 'a\\b'],
  ])('holds %s as exactly one encoded path segment', async (_name, id) => {
    const { requests, upstream } = fake()
    await ask(id, { config: { apiKey: SERVER_KEY }, upstream })
    const request = single(requests)
    expect(request.url).toBe(`${BASE}/v1/tasks/${encodeURIComponent(id)}`)
    const url = new URL(request.url)
    const segments = url.pathname.split('/')
    expect(segments.slice(0, 3)).toEqual(['', 'v1', 'tasks'])
    expect(segments).toHaveLength(4)
    expect(decodeURIComponent(segments[3] ?? '')).toBe(id)
    expect(url.search).toBe('')
    expect(url.hash).toBe('')
  })

  // Regression: encodeURIComponent leaves '.' alone, so '..' once queried `${base}/v1/` with the
  // server's key. (Through the Hono app such IDs are normalised away first; the proxy refuses them anyway.)
  it.each(['..', '.'])('holds the dot segment %j as one path segment, or refuses it', async (id) => {
    const { requests, upstream } = fake()
    const response = await ask(id, { config: { apiKey: SERVER_KEY }, upstream })
    for (const request of requests) {
      const segments = new URL(request.url).pathname.split('/')
      expect(segments.slice(0, 3)).toEqual(['', 'v1', 'tasks'])
      expect(segments).toHaveLength(4)
      expect(decodeURIComponent(segments[3] ?? '')).toBe(id)
    }
    if (requests.length === 0) expect(response.status).toBe(400)
  })

  it('trims the ID', async () => {
    const { requests, upstream } = fake()
    await ask(`  ${TASK}\n`, { config: { apiKey: SERVER_KEY }, upstream })
    expect(single(requests).url).toBe(`${BASE}/v1/tasks/${TASK}`)
  })

  it('adds ?sync_upstream=true only when the page asks for it', async () => {
    const { requests, upstream } = fake()
    await ask(TASK, { config: { apiKey: SERVER_KEY }, upstream }, { sync: true })
    await ask(TASK, { config: { apiKey: SERVER_KEY }, upstream }, { sync: false })
    expect(requests.map((r) => r.url)).toEqual([`${BASE}/v1/tasks/${TASK}?sync_upstream=true`, `${BASE}/v1/tasks/${TASK}`])
  })

  it('asks for JSON and does not follow redirects', async () => {
    const { requests, upstream } = fake()
    await ask(TASK, { config: { apiKey: SERVER_KEY }, upstream })
    const request = single(requests)
    expect(request.method).toBe('GET')
    expect(request.headers.get('accept')).toBe('application/json')
    expect(request.redirect).toBe('manual')
  })

  it.each([['an empty ID', '   '], ['a 513-character ID', 'a'.repeat(513)]])('refuses %s without asking foxapi', async (_name, id) => {
    const { requests, upstream } = fake()
    const response = await ask(id, { config: { apiKey: SERVER_KEY }, upstream })
    expect(response.status).toBe(400)
    expect((await errorOf(response)).type).toBe('invalid_task_id')
    expect(requests).toEqual([])
  })
})

describe('the API key', () => {
  it.each([
    { name: 'the server key alone', serverKey: SERVER_KEY, pageKey: undefined, sent: SERVER_KEY },
    { name: 'the server key over the page’s', serverKey: SERVER_KEY, pageKey: BROWSER_KEY, sent: SERVER_KEY },
    { name: 'the page’s key when the server has none', serverKey: undefined, pageKey: BROWSER_KEY, sent: BROWSER_KEY },
    { name: 'the page’s key, trimmed', serverKey: undefined, pageKey: ` ${BROWSER_KEY} `, sent: BROWSER_KEY },
  ])('sends $name as a Bearer token', async ({ serverKey, pageKey, sent }) => {
    const { requests, upstream } = fake()
    await ask(TASK, { config: { apiKey: serverKey }, upstream }, pageKey === undefined ? {} : { key: pageKey })
    expect(single(requests).headers.get('authorization')).toBe(`Bearer ${sent}`)
  })

  it.each([['no key at all', undefined], ['a blank page key', '   ']])('answers 401 missing_key for %s, without asking foxapi', async (_name, key) => {
    const { requests, upstream } = fake()
    const response = await ask(TASK, { upstream }, key === undefined ? {} : { key })
    expect(response.status).toBe(401)
    expect((await errorOf(response)).type).toBe('missing_key')
    expect(requests).toEqual([])
  })
})

describe('foxapi’s answer', () => {
  it.each([
    { status: 200, body: { id: TASK, status: 'completed', results: [{ url: 'https://cdn.foxapi.cc/a.png' }] }, retryAfter: undefined },
    { status: 429, body: { error: { message: 'Slow down', type: 'rate_limit_error' } }, retryAfter: '7' },
    { status: 500, body: { error: { message: 'Internal error', type: 'server_error' } }, retryAfter: undefined },
    { status: 503, body: { error: { message: 'Upstream busy', type: 'service_unavailable_error' } }, retryAfter: '40' },
    { status: 404, body: { error: { message: `Task ${TASK} not found`, type: 'not_found' } }, retryAfter: undefined },
  ])('passes $status through with its body and Retry-After', async ({ status, body, retryAfter }) => {
    const { upstream } = fake(() => Response.json(body, {
      status,
      headers: { 'x-upstream-secret': 'internal', ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) },
    }))
    const response = await ask(TASK, { config: { apiKey: SERVER_KEY }, upstream })
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual(body)
    expect(response.headers.get('retry-after')).toBe(retryAfter ?? null)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-upstream-secret')).toBeNull()
  })

  it('answers a body that is not JSON with its own JSON problem, keeping the status', async () => {
    const { upstream } = fake(() => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }))
    const response = await ask(TASK, { config: { apiKey: SERVER_KEY }, upstream })
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await errorOf(response)).toEqual({ type: 'upstream_not_json', message: 'it sent text/html, not JSON.' })
  })
})

describe('when foxapi fails to answer', () => {
  /** Sends headers, then a body that never ends until the request's signal aborts. */
  const stalling: Upstream = async (request) => new Response(new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"status":'))
      untilAborted(request, (reason) => controller.error(reason))
    },
  }))

  it.each([['never answers', silent], ['stalls in the body', stalling]])('answers 504 upstream_timeout when foxapi %s', async (_name, upstream) => {
    const response = await ask(TASK, { config: { apiKey: SERVER_KEY, upstreamTimeoutMs: 50 }, upstream })
    expect(response.status).toBe(504)
    expect((await errorOf(response)).type).toBe('upstream_timeout')
  })

  it('answers 502 upstream_unreachable when the request throws', async () => {
    const upstream: Upstream = async () => {
      throw new TypeError('fetch failed')
    }
    const response = await ask(TASK, { config: { apiKey: SERVER_KEY }, upstream })
    expect(response.status).toBe(502)
    const error = await errorOf(response)
    expect(error.type).toBe('upstream_unreachable')
    expect(error.message).toContain('api.foxapi.test')
  })

  it('answers 502 upstream_too_large for a body declared past the cap', async () => {
    const { upstream } = fake(() => new Response('{}', { headers: { 'content-length': String(64 * 1024 * 1024) } }))
    const response = await ask(TASK, { config: { apiKey: SERVER_KEY }, upstream })
    expect(response.status).toBe(502)
    expect((await errorOf(response)).type).toBe('upstream_too_large')
  })

  it.each([
    ['a timeout', silent],
    ['a throw', async () => {
      throw new TypeError(`connect ECONNREFUSED, Bearer ${SERVER_KEY}`)
    }],
    ['a body past the cap', async () => new Response('{}', { headers: { 'content-length': String(64 * 1024 * 1024) } })],
  ] satisfies Array<[string, Upstream]>)('never puts the key in the error body after %s', async (_name, upstream) => {
    for (const [serverKey, pageKey] of [[SERVER_KEY, undefined], [undefined, BROWSER_KEY]] as const) {
      const response = await ask(TASK, { config: { apiKey: serverKey, upstreamTimeoutMs: 50 }, upstream }, pageKey ? { key: pageKey } : {})
      expect(response.ok).toBe(false)
      const text = await response.text()
      expect(text).not.toContain(SERVER_KEY)
      expect(text).not.toContain(BROWSER_KEY)
      expect(text).not.toContain('5ecret')
    }
  })

  it('never puts the key in the error body for a missing key or a bad ID', async () => {
    for (const response of [await ask('', { config: { apiKey: SERVER_KEY } }), await ask(TASK, {}, { key: ' ' })]) {
      expect(await response.text()).not.toContain('5ecret')
    }
  })
})

describe('demo IDs', () => {
  it('go to the demo upstream, without a key, and never to foxapi', async () => {
    const foxapi = fake()
    const demo = fake(() => Response.json({ id: 'demo-image-x1', status: 'pending' }))
    const response = await ask('demo-image-x1', { config: { apiKey: SERVER_KEY }, upstream: foxapi.upstream, demo: demo.upstream }, { key: BROWSER_KEY, sync: true })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ id: 'demo-image-x1', status: 'pending' })
    expect(foxapi.requests).toEqual([])
    const request = single(demo.requests)
    expect(request.url).toBe('http://127.0.0.1:4173/demo/v1/tasks/demo-image-x1?sync_upstream=true')
    expect(request.headers.get('authorization')).toBeNull()
  })

  it('work without any key', async () => {
    const demo = fake()
    const response = await ask('demo-chat', { demo: demo.upstream })
    expect(response.status).toBe(200)
    expect(single(demo.requests).url).toBe('http://127.0.0.1:4173/demo/v1/tasks/demo-chat')
  })

  it('go to foxapi like any other ID when the demo is off', async () => {
    const foxapi = fake()
    await ask('demo-image-x1', { config: { apiKey: SERVER_KEY }, upstream: foxapi.upstream })
    expect(single(foxapi.requests).url).toBe(`${BASE}/v1/tasks/demo-image-x1`)
  })
})

/**
 * Wraps `inner` so every request waits until the test calls `release`: callers started together
 * then meet while the first request is still in flight, however fast `inner` answers.
 */
function held(inner: Upstream) {
  const requests: Request[] = []
  let release: () => void = () => undefined
  const open = new Promise<void>((resolve) => {
    release = resolve
  })
  const upstream: Upstream = async (request) => {
    requests.push(request)
    await open
    return inner(request)
  }
  return { requests, upstream, release }
}

/** Answers with how many requests it has had, so a shared answer and a fresh one differ. */
function counting() {
  let n = 0
  return fake(() => Response.json({ id: TASK, status: 'processing', n: ++n }, { headers: { 'retry-after': '2' } }))
}

describe('identical queries at the same moment', () => {
  it('share one upstream request, and each of ten callers gets an equal answer of its own', async () => {
    const { requests, upstream, release } = held(counting().upstream)
    const get = proxyFor({ upstream })
    const waiting = Array.from({ length: 10 }, () => get(TASK, { key: BROWSER_KEY, sync: true }))
    await get.gathered(waiting.length)
    release()
    const responses = await Promise.all(waiting)
    expect(single(requests).url).toBe(`${BASE}/v1/tasks/${TASK}?sync_upstream=true`)
    expect(new Set(responses).size).toBe(10)
    // Middleware adds headers to the Response it is given; that must stay with that one caller.
    responses[0]?.headers.set('x-only-mine', '1')
    expect(responses.filter((r) => r.headers.has('x-only-mine'))).toHaveLength(1)
    for (const response of responses) {
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      expect(response.headers.get('retry-after')).toBe('2')
      expect(response.headers.get('cache-control')).toBe('no-store')
    }
    expect(await Promise.all(responses.map((r) => r.json()))).toEqual(Array(10).fill({ id: TASK, status: 'processing', n: 1 }))
  })

  it('never share between different keys: each key has its own request and its own answer', async () => {
    const otherKey = 'sk-other-5ecret-KEY-0003'
    const { requests, upstream, release } = held(async (request) =>
      Response.json({ asker: request.headers.get('authorization') === `Bearer ${BROWSER_KEY}` ? 'browser' : 'other' }))
    const get = proxyFor({ upstream })
    const waiting = [BROWSER_KEY, otherKey, BROWSER_KEY, otherKey].map((key) => get(TASK, { key }))
    await get.gathered(waiting.length)
    release()
    const bodies = await Promise.all((await Promise.all(waiting)).map((r) => r.json()))
    expect(requests.map((r) => r.headers.get('authorization')).sort()).toEqual([`Bearer ${BROWSER_KEY}`, `Bearer ${otherKey}`].sort())
    expect(bodies).toEqual([{ asker: 'browser' }, { asker: 'other' }, { asker: 'browser' }, { asker: 'other' }])
  })

  it.each([
    { name: 'the sync flag', first: { id: TASK, sync: true }, second: { id: TASK, sync: false } },
    { name: 'the task ID', first: { id: TASK, sync: false }, second: { id: `${TASK}-2`, sync: false } },
  ])('never share between queries that differ in $name', async ({ first, second }) => {
    const { requests, upstream, release } = held(fake().upstream)
    const get = proxyFor({ config: { apiKey: SERVER_KEY }, upstream })
    const waiting = [first, second, first, second].map(({ id, sync }) => get(id, { sync }))
    await get.gathered(waiting.length)
    release()
    await Promise.all(waiting)
    expect(requests).toHaveLength(2)
  })

  it.each([
    { name: 'the server key stands in for different page keys', serverKey: SERVER_KEY, pageKeys: [BROWSER_KEY, 'sk-other-5ecret-KEY-0003'], sent: SERVER_KEY },
    { name: 'a page key and its untrimmed twin', serverKey: undefined, pageKeys: [BROWSER_KEY, `  ${BROWSER_KEY}\t`], sent: BROWSER_KEY },
  ])('share one request when the key sent is the same: $name', async ({ serverKey, pageKeys, sent }) => {
    const { requests, upstream, release } = held(fake().upstream)
    const get = proxyFor({ config: { apiKey: serverKey }, upstream })
    const waiting = pageKeys.map((key) => get(TASK, { key }))
    await get.gathered(waiting.length)
    release()
    await Promise.all(waiting)
    expect(single(requests).headers.get('authorization')).toBe(`Bearer ${sent}`)
  })

  it('time out once, as before, and every waiter gets the 504', async () => {
    const { requests, upstream, release } = held(silent)
    // Nothing to gather here: a silent foxapi keeps the request in flight until the timeout.
    release()
    const get = proxyFor({ config: { apiKey: SERVER_KEY, upstreamTimeoutMs: 100 }, upstream })
    const responses = await Promise.all(Array.from({ length: 5 }, () => get(TASK)))
    expect(requests).toHaveLength(1)
    for (const response of responses) {
      expect(response.status).toBe(504)
      expect((await errorOf(response)).type).toBe('upstream_timeout')
    }
  })

  it('give a failure to every waiter, then ask afresh', async () => {
    let failing = true
    const { requests, upstream, release } = held(async () => {
      if (failing) throw new TypeError('fetch failed')
      return Response.json({ id: TASK, status: 'pending' })
    })
    const get = proxyFor({ config: { apiKey: SERVER_KEY }, upstream })
    const waiting = Array.from({ length: 5 }, () => get(TASK))
    await get.gathered(waiting.length)
    release()
    for (const response of await Promise.all(waiting)) {
      expect(response.status).toBe(502)
      expect((await errorOf(response)).type).toBe('upstream_unreachable')
    }
    failing = false
    expect((await get(TASK)).status).toBe(200)
    expect(requests).toHaveLength(2)
  })

  it('carry on for the others when one caller gives up', async () => {
    const { requests, upstream, release } = held(fake().upstream)
    const get = proxyFor({ upstream })
    const quitter = new AbortController()
    const waiting = [get(TASK, { key: BROWSER_KEY, signal: quitter.signal }), get(TASK, { key: BROWSER_KEY })]
    await get.gathered(waiting.length)
    quitter.abort()
    release()
    const [, stayer] = await Promise.all(waiting)
    expect(single(requests).signal.aborted).toBe(false)
    expect(stayer?.status).toBe(200)
    expect(await stayer?.json()).toEqual({ id: TASK, status: 'pending' })
  })

  it('are not kept: a query after the answer goes upstream again', async () => {
    const { requests, upstream } = counting()
    const get = proxyFor({ config: { apiKey: SERVER_KEY }, upstream })
    const first = await (await get(TASK)).json()
    const second = await (await get(TASK)).json()
    expect(requests).toHaveLength(2)
    expect([first, second]).toEqual([{ id: TASK, status: 'processing', n: 1 }, { id: TASK, status: 'processing', n: 2 }])
  })

  it('share one demo request for a demo ID too', async () => {
    const { requests, upstream, release } = held(fake(() => Response.json({ id: 'demo-chat', status: 'pending' })).upstream)
    const get = proxyFor({ demo: upstream })
    const waiting = Array.from({ length: 4 }, () => get('demo-chat'))
    await get.gathered(waiting.length)
    release()
    for (const response of await Promise.all(waiting)) {
      expect(await response.json()).toEqual({ id: 'demo-chat', status: 'pending' })
    }
    expect(single(requests).url).toBe('http://127.0.0.1:4173/demo/v1/tasks/demo-chat')
  })
})

function paced(id: string, perSecond: number, page: string) {
  return new Request(`http://127.0.0.1:4173/api/tasks/${id}`, {
    headers: { [KEY_HEADER]: BROWSER_KEY, [PACE_HEADER]: String(perSecond), [PAGE_HEADER]: page },
  })
}

describe('the page’s pace', () => {
  it('is kept on the way to foxapi: queries sent together reach it exactly the last hop’s gap apart', async () => {
    // The pacer's clock is the test's: it moves only as the pacer sleeps.
    let now = 0
    const pace = createPacer(() => now, async (ms) => {
      now += ms
    })
    const arrivals: number[] = []
    const proxy = createTaskProxy({
      config: configWith(),
      upstream: async () => {
        arrivals.push(now)
        return Response.json({ id: TASK, status: 'processing' })
      },
      demo: undefined,
      pace,
    })
    const perSecond = 20
    await Promise.all(['t-1', 't-2', 't-3', 't-4'].map((id) => proxy(paced(id, perSecond, 'page-a'), id)))
    expect(arrivals).toEqual([0, 1, 2, 3].map((n) => n * lastHopGap(perSecond)))
  })

  it('is a page’s own: another page’s query does not wait behind it', async () => {
    const { requests, upstream, release } = held(fake().upstream)
    const proxy = createTaskProxy({ config: configWith(), upstream, demo: undefined })
    // At one a second, a second query from the same page would wait a second.
    const waiting = [proxy(paced('t-1', 1, 'page-a'), 't-1'), proxy(paced('t-2', 1, 'page-b'), 't-2')]
    await vi.waitFor(() => expect(requests).toHaveLength(2))
    release()
    await Promise.all(waiting)
  })
})
