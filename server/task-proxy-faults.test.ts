// The task proxy against a real foxapi stand-in on loopback that misbehaves at the socket level:
// what reaches the page is always a whole answer or a typed error, on time, with no connection left open.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import type { Config } from './config.ts'
import { createTaskProxy } from './task-proxy.ts'
import { dripBody } from './loopback-server.ts'

const KEY = 'sk-faults-5ecret-KEY-0001'
const TASK = 'task-unified-1757165031-uyujaw3d'
const TIMEOUT_MS = 400
/** Time enough to move tens of MB on a busy machine. */
const BIG_TIMEOUT_MS = 10_000
const MB = 1024 * 1024

type Stand = { url: string; closed: Promise<void>; stop: () => Promise<void> }
const stands: Stand[] = []

afterEach(async () => {
  await Promise.all(stands.splice(0).map((stand) => stand.stop()))
})

/** A real HTTP server on a free loopback port; `closed` settles when its first request's socket closes. */
async function stand(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Stand> {
  let markClosed: () => void = () => undefined
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve
  })
  const server = createServer((req, res) => {
    res.on('close', markClosed)
    handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const entry: Stand = {
    url: `http://127.0.0.1:${portOf(server)}`,
    closed,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
  stands.push(entry)
  return entry
}

function portOf(server: Server): number {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the stand-in has no port')
  return address.port
}

/** Fails with a sentence, instead of the test's own timeout, when foxapi's connection stays open. */
async function expectHungUp(foxapi: Stand) {
  let timer: NodeJS.Timeout | undefined
  const left = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('the connection to foxapi was left open'), 3000)
  })
  expect(await Promise.race([foxapi.closed.then(() => 'hung up'), left])).toBe('hung up')
  clearTimeout(timer)
}

/** A full collection, as the garbage collector would run one under load. */
const collectGarbage = (() => {
  setFlagsFromString('--expose-gc')
  const gc: unknown = runInNewContext('gc')
  if (typeof gc !== 'function') throw new Error('this Node does not expose its garbage collector')
  return () => void gc()
})()

/** A port on loopback that nothing listens on: taken, then given back. */
async function refusingUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = portOf(server)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}

function config(upstreamBaseUrl: string, upstreamTimeoutMs: number): Config {
  return {
    host: '127.0.0.1',
    port: 4173,
    upstreamBaseUrl,
    apiKey: KEY,
    demo: false,
    demoPace: 1,
    upstreamTimeoutMs,
    staticRoot: '/nonexistent',
    allowedHosts: ['127.0.0.1'],
    accessToken: undefined,
  }
}

/** Asks a proxy that reaches `base` with the real fetch, and times the answer. */
async function ask(base: string, timeoutMs = TIMEOUT_MS) {
  const proxy = createTaskProxy({ config: config(base, timeoutMs), upstream: (request) => fetch(request), demo: undefined })
  const started = performance.now()
  const response = await proxy(new Request(`http://127.0.0.1:4173/api/tasks/${TASK}`), TASK)
  const text = await response.text()
  return { response, text, ms: performance.now() - started }
}

function errorType(text: string): unknown {
  const body: unknown = JSON.parse(text)
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined
  const error: unknown = body.error
  return typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined
}

const taskJson = JSON.stringify({ id: TASK, status: 'processing', progress: 40, created: 1757165031, results: null })

/** Sends `body` in pieces of `bytes`, one every `everyMs`, then ends. */
function drip(res: ServerResponse, body: string, bytes: number, everyMs: number) {
  res.writeHead(200, { 'content-type': 'application/json' })
  dripBody(res, body, bytes, everyMs)
}

describe('the task proxy against a misbehaving foxapi on loopback', () => {
  it('answers 502 upstream_unreachable when the connection is refused (foxapi down)', async () => {
    const { response, text } = await ask(await refusingUrl())
    expect(response.status).toBe(502)
    expect(errorType(text)).toBe('upstream_unreachable')
    expect(text).not.toContain('5ecret')
  })

  it('answers 502 upstream_unreachable when the connection is reset before any answer', async () => {
    const foxapi = await stand((req) => req.socket.destroy())
    const { response, text } = await ask(foxapi.url)
    expect(response.status).toBe(502)
    expect(errorType(text)).toBe('upstream_unreachable')
  })

  it('never passes half a body on as an answer when the connection is reset mid-body', async () => {
    const foxapi = await stand((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write(taskJson.slice(0, 30))
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const { response, text } = await ask(foxapi.url)
    expect(response.status).toBe(502)
    expect(errorType(text)).toBe('upstream_unreachable')
    expect(text).not.toContain(taskJson.slice(0, 30))
  })

  it('answers 502 when a body ends short of its Content-Length', async () => {
    const foxapi = await stand((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(taskJson.length) })
      res.write(taskJson.slice(0, 30))
      setTimeout(() => res.socket?.end(), 20)
    })
    const { response, text } = await ask(foxapi.url)
    expect(response.status).toBe(502)
    expect(errorType(text)).toBe('upstream_unreachable')
  })

  it.each([
    ['never sends its headers', (_req: IncomingMessage, _res: ServerResponse) => undefined],
    ['sends headers, then a body that never ends', (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write(taskJson.slice(0, 30))
    }],
    ['drips slower than the time limit', (_req: IncomingMessage, res: ServerResponse) => drip(res, taskJson, 4, 60)],
  ])('answers 504 upstream_timeout on time, and hangs up, when foxapi %s', async (_name, handle) => {
    const foxapi = await stand(handle)
    const { response, text, ms } = await ask(foxapi.url)
    expect(response.status).toBe(504)
    expect(errorType(text)).toBe('upstream_timeout')
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20)
    expect(ms).toBeLessThan(TIMEOUT_MS + 1000)
    // The abandoned request does not keep a connection to foxapi open.
    await expectHungUp(foxapi)
  })

  it.each([
    ['never sends its headers', (_req: IncomingMessage, _res: ServerResponse) => undefined],
    ['sends headers, then a body that never ends', (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write(taskJson.slice(0, 30))
    }],
  ])('still answers 504 on time when foxapi %s and the garbage collector runs meanwhile', async (_name, handle) => {
    // Node's fetch follows a Request's signal through a weak reference: a Request nobody held
    // was collected while foxapi stalled, and its time limit then never reached the fetch.
    const foxapi = await stand(handle)
    const collecting = setInterval(collectGarbage, 10)
    try {
      const { response, text, ms } = await ask(foxapi.url)
      expect(response.status).toBe(504)
      expect(errorType(text)).toBe('upstream_timeout')
      expect(ms).toBeLessThan(TIMEOUT_MS + 1000)
    } finally {
      clearInterval(collecting)
    }
    await expectHungUp(foxapi)
  })

  it('passes on a slow drip that finishes within the time limit, whole', async () => {
    const foxapi = await stand((_req, res) => drip(res, taskJson, 16, 10))
    const { response, text } = await ask(foxapi.url)
    expect(response.status).toBe(200)
    expect(text).toBe(taskJson)
  })

  it('passes on a 10 MB task whole', async () => {
    const big = JSON.stringify({ id: TASK, status: 'completed', results: [{ url: 'https://cdn.foxapi.cc/a.png' }], padding: 'x'.repeat(10 * MB) })
    const foxapi = await stand((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(big)
    })
    const { response, text } = await ask(foxapi.url, BIG_TIMEOUT_MS)
    expect(response.status).toBe(200)
    expect(text.length).toBe(big.length)
    expect(text).toBe(big)
  })

  it.each([
    ['declared in Content-Length', true],
    ['streamed with no length given', false],
  ])('answers 502 upstream_too_large for a body past 32 MB %s, and hangs up', async (_name, declared) => {
    const chunk = Buffer.alloc(MB, 'x')
    const foxapi = await stand((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': String(40 * MB) } : {}) })
      let sent = 0
      const more = () => {
        while (sent < 40 && !res.destroyed) {
          sent++
          if (!res.write(chunk)) return void res.once('drain', more)
        }
        res.end()
      }
      more()
    })
    const { response, text } = await ask(foxapi.url, BIG_TIMEOUT_MS)
    expect(response.status).toBe(502)
    expect(errorType(text)).toBe('upstream_too_large')
    await expectHungUp(foxapi)
  })

  it.each([
    ['an HTML error page', 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html', 502, 'upstream_not_json'],
    ['an HTML page with 200', 200, '<!doctype html><html><body>Welcome to nginx!</body></html>', 'text/html', 502, 'upstream_bad_response'],
    ['a script', 200, 'alert(document.domain)', 'text/javascript', 502, 'upstream_bad_response'],
    ['a style sheet', 200, 'body{background:url(//evil.test/x)}', 'text/css', 502, 'upstream_bad_response'],
    ['an HTML 404 that echoes the ID', 404, `<h1>No task <script>alert(1)</script></h1>`, 'text/html; charset=utf-8', 404, 'upstream_not_json'],
  ])('answers %s with its own JSON problem, never the markup', async (_name, status, body, type, expectedStatus, expectedType) => {
    const foxapi = await stand((_req, res) => {
      res.writeHead(status, { 'content-type': type })
      res.end(body)
    })
    const { response, text } = await ask(foxapi.url)
    expect(response.status).toBe(expectedStatus)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(errorType(text)).toBe(expectedType)
    expect(text).not.toContain('<')
    expect(text).not.toContain('alert')
    await expectHungUp(foxapi)
  })

  it.each([
    ['truncated JSON, properly framed', taskJson.slice(0, 30)],
    ['invalid JSON', "{status: 'processing',}"],
  ])('passes %s on unchanged, as JSON, for the page to name', async (_name, body) => {
    const foxapi = await stand((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(body)
    })
    const { response, text } = await ask(foxapi.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(text).toBe(body)
  })

  it('passes Retry-After on in seconds, whichever form foxapi sent, and nothing else in it', async () => {
    const inTenMinutes = new Date(Math.ceil(Date.now() / 1000) * 1000 + 600_000).toUTCString()
    for (const [retryAfter, expected] of [['7', /^7$/], [inTenMinutes, /^(59\d|60[01])$/], [`7 ${KEY}`, null], [KEY, null], ['<script>', null]] as const) {
      const foxapi = await stand((_req, res) => {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter, 'x-echo': KEY, 'set-cookie': 'a=b' })
        res.end(JSON.stringify({ error: { type: 'rate_limit_error', message: 'Slow down' } }))
      })
      const { response } = await ask(foxapi.url)
      expect(response.status).toBe(429)
      const sent = response.headers.get('retry-after')
      if (expected === null) expect(sent).toBeNull()
      else expect(sent).toMatch(expected)
      expect([...response.headers.keys()].sort()).toEqual(['cache-control', 'content-type', ...(expected ? ['retry-after'] : [])])
      await stands.splice(0).reduce((done, stand) => done.then(() => stand.stop()), Promise.resolve())
    }
})
})
