// A stand-in for foxapi on loopback, for the browser tests. What it does for a task is spelled in
// the ID: `fake-<behaviour>-<anything>`. It counts every query so tests can assert on the load.
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { FAKE_UPSTREAM, FAKE_UPSTREAM_PORT } from './ports.ts'
import { dripBody } from '../server/loopback-server.ts'

type Seen = { at: number; sync: boolean; authorization: string | undefined; url: string }
const queries = new Map<string, Seen[]>()
const fileRequests: Array<{ path: string; headers: IncomingMessage['headers'] }> = []
/** `fake-vanishing-…` tasks whose result files a test has switched off with POST /__gone/<id>. */
const gone = new Set<string>()
/**
 * Answers a test has scripted for a task ID with POST /__script/<id>: each query takes the next
 * step, and the last step repeats. This is how the fault suite and the payload corpora make the
 * stand-in misbehave on cue.
 */
export type ScriptStep = {
  /** HTTP status; 200 unless given. */
  status?: number
  headers?: Record<string, string>
  /** A body sent as JSON. */
  json?: unknown
  /** A body sent as it is (HTML, truncated JSON, anything). */
  raw?: string
  /**
   * A body of this many bytes of valid JSON: `json` (or a completed task) with a long `padding`
   * field added.
   */
  bigBytes?: number
  /** A `Retry-After` header as an HTTP date this many seconds after the moment of answering. */
  retryAfterDate?: number
  /** Wait this long before answering. */
  delayMs?: number
  /** Send the body in pieces of this many bytes, one every `everyMs`. */
  drip?: { bytes: number; everyMs: number }
  /** Send the headers and half the body, then destroy the connection. */
  reset?: boolean
  /** Send the headers and part of the body, then never finish. */
  hang?: boolean
  /** Destroy the connection before any answer. */
  refuse?: boolean
}
const scripts = new Map<string, ScriptStep[]>()

const picture = readFileSync(new URL('../server/demo/assets/image-1.png', import.meta.url))

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

function task(id: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    id, object: 'image.generation.task', type: 'image', model: 'fake-image-1', status,
    progress: status === 'completed' ? 100 : status === 'processing' ? 40 : 0,
    created: Math.floor(Date.now() / 1000), results: null, error: null,
    usage: { credits_reserved: 2, user_group: 'default' }, ...extra,
  }
}

const completed = (id: string) =>
  task(id, 'completed', { results: [{ url: `${FAKE_UPSTREAM}/files/${id}.png`, content_type: 'image/png', width: 512, height: 512 }] })

/** The ordinary life of a task, by how many good answers it has given: pending, processing, completed. */
function lifecycle(id: string, answer: number) {
  if (answer <= 1) return task(id, 'pending')
  if (answer === 2) return task(id, 'processing')
  return completed(id)
}

function playStep(res: ServerResponse, step: ScriptStep) {
  const answer = () => {
    if (step.refuse) {
      res.socket?.destroy()
      return
    }
    const body = step.raw !== undefined ? step.raw
      : step.bigBytes !== undefined ? bigTask(step.bigBytes, step.json)
      : JSON.stringify(step.json ?? null)
    const type = step.raw !== undefined ? 'text/plain' : 'application/json'
    const retryAfter = step.retryAfterDate === undefined ? {} : { 'retry-after': new Date(Date.now() + step.retryAfterDate * 1000).toUTCString() }
    res.writeHead(step.status ?? 200, { 'content-type': type, ...retryAfter, ...step.headers })
    if (step.reset || step.hang) {
      res.write(body.slice(0, Math.max(1, Math.floor(body.length / 2))))
      if (step.reset) setTimeout(() => res.socket?.destroy(), 20)
      return
    }
    if (step.drip) {
      dripBody(res, body, step.drip.bytes, step.drip.everyMs)
      return
    }
    res.end(body)
  }
  if (step.delayMs) setTimeout(answer, step.delayMs)
  else answer()
}

/** `json` (a completed task unless given) as JSON about `bytes` long. */
function bigTask(bytes: number, json: unknown): string {
  const body = typeof json === 'object' && json !== null ? json : task('big', 'completed')
  const base = JSON.stringify({ ...body, padding: '' })
  return base.replace('"padding":""', `"padding":"${'x'.repeat(Math.max(0, bytes - base.length))}"`)
}

function answerTask(res: ServerResponse, id: string, sync: boolean, n: number) {
  const script = scripts.get(id)
  if (script?.length) {
    return playStep(res, script[Math.min(n, script.length) - 1] ?? {})
  }
  const behaviour = /^fake-([a-z0-9]+)-/.exec(id)?.[1]
  const error = (status: number, type: string, message: string, headers: Record<string, string> = {}) =>
    send(res, status, { error: { message, type } }, headers)
  switch (behaviour) {
    case 'ok':
      return send(res, 200, lifecycle(id, n))
    case 'unauthorized':
      return error(401, 'authentication_error', 'Invalid API key provided')
    case 'missing':
      return error(404, 'not_found', 'Task not found')
    case 'ratelimited':
      return n === 1 ? error(429, 'rate_limit_error', 'Too many requests', { 'retry-after': '3' }) : send(res, 200, lifecycle(id, n - 1))
    case 'flaky':
      // A good answer, then two server errors, then the rest of its life.
      if (n === 2 || n === 3) return error(500, 'server_error', 'Internal error')
      return send(res, 200, lifecycle(id, n === 1 ? 1 : n - 2))
    case 'syncempty':
      if (n === 1) return send(res, 200, task(id, 'processing'))
      return send(res, 200, sync ? { ...completed(id), results: null } : completed(id))
    case 'expired':
      return send(res, 200, task(id, 'completed', {
        results: [{ url: `${FAKE_UPSTREAM}/files/gone/${id}.png`, content_type: 'image/png' }],
      }))
    case 'vanishing':
      // Completed at once, with two files that answer until the test says they are gone.
      return send(res, 200, task(id, 'completed', {
        results: [1, 2].map((n) => ({ url: `${FAKE_UPSTREAM}/files/vanishing/${id}/${n}.png`, content_type: 'image/png', width: 512, height: 512 })),
      }))
    case 'slow':
      // An ordinary life, each answer 300 ms late, so queries made together overlap in flight.
      setTimeout(() => send(res, 200, lifecycle(id, n)), 300)
      return
    case 'batch':
      // Part of a batch (`fake-batch-<group>-<n>`): pending, then completed, each answer 200 ms
      // late so a batch's queries overlap, and counted per group for the budget test.
      setTimeout(() => send(res, 200, n <= 1 ? task(id, 'pending') : completed(id)), 200)
      return
    case 'html':
      res.writeHead(502, { 'content-type': 'text/html' })
      return res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
    default:
      return error(404, 'not_found', 'Task not found')
  }
}

/** Load per batch group: queries in flight at most, and started in any one second at most. */
const load = new Map<string, { inFlight: number; maxInFlight: number; starts: number[] }>()

function maxPerSecond(starts: readonly number[]): number {
  let most = 0
  for (let i = 0, j = 0; i < starts.length; i++) {
    while ((starts[i] ?? 0) - (starts[j] ?? 0) >= 1000) j++
    most = Math.max(most, i - j + 1)
  }
  return most
}

function countLoad(id: string, res: ServerResponse) {
  const group = /^fake-batch-([a-z0-9]+)-/.exec(id)?.[1]
  if (!group) return
  const entry = load.get(group) ?? { inFlight: 0, maxInFlight: 0, starts: [] }
  load.set(group, entry)
  entry.inFlight++
  entry.maxInFlight = Math.max(entry.maxInFlight, entry.inFlight)
  // Monotonic and finer than a millisecond: a second's count is decided by fractions of one.
  entry.starts.push(performance.now())
  res.on('close', () => {
    entry.inFlight--
  })
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', FAKE_UPSTREAM)
  if (url.pathname === '/__health') return send(res, 200, { ok: true })
  const loadOf = /^\/__load\/([a-z0-9]+)$/.exec(url.pathname)?.[1]
  if (loadOf) {
    const entry = load.get(loadOf)
    return send(res, 200, { queries: entry?.starts.length ?? 0, maxInFlight: entry?.maxInFlight ?? 0, maxPerSecond: maxPerSecond(entry?.starts ?? []), starts: entry?.starts ?? [] })
  }
  const stats = /^\/__stats\/(.+)$/.exec(url.pathname)
  if (stats?.[1]) return send(res, 200, { queries: queries.get(decodeURIComponent(stats[1])) ?? [] })
  if (url.pathname === '/__files') return send(res, 200, { requests: fileRequests })
  const scripted = /^\/__script\/(.+)$/.exec(url.pathname)
  if (scripted?.[1] && req.method === 'POST') {
    const id = decodeURIComponent(scripted[1])
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (text += chunk))
    req.on('end', () => {
      scripts.set(id, (JSON.parse(text) as { steps: ScriptStep[] }).steps)
      queries.delete(id)
      send(res, 200, { scripted: id })
    })
    return
  }
  const vanish = /^\/__gone\/(.+)$/.exec(url.pathname)
  if (vanish?.[1] && req.method === 'POST') {
    gone.add(decodeURIComponent(vanish[1]))
    return send(res, 200, { gone: [...gone] })
  }
  if (url.pathname.startsWith('/files/')) {
    fileRequests.push({ path: url.pathname, headers: req.headers })
    // A result host that sends the saver elsewhere: the SSRF suite's redirects.
    const to = url.pathname === '/files/redirect' ? url.searchParams.get('to') : null
    if (to) {
      res.writeHead(302, { location: to })
      return res.end()
    }
    if (url.pathname.startsWith('/files/gone/')) return send(res, 404, { error: 'expired' })
    const vanishing = /^\/files\/vanishing\/([^/]+)\//.exec(url.pathname)?.[1]
    if (vanishing && gone.has(decodeURIComponent(vanishing))) return send(res, 404, { error: 'expired' })
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(picture.length) })
    return res.end(picture)
  }
  const match = /^\/v1\/tasks\/([^/]+)$/.exec(url.pathname)
  if (!match?.[1]) return send(res, 404, { error: { message: 'No such route', type: 'not_found' } })
  const id = decodeURIComponent(match[1])
  const seen = queries.get(id) ?? []
  const sync = url.searchParams.get('sync_upstream') === 'true'
  seen.push({ at: Date.now(), sync, authorization: req.headers.authorization, url: req.url ?? '' })
  queries.set(id, seen)
  countLoad(id, res)
  answerTask(res, id, sync, seen.length)
})

server.listen(FAKE_UPSTREAM_PORT, '127.0.0.1', () => {
  console.log(`fake foxapi listening on ${FAKE_UPSTREAM}`)
})
