// A stand-in for foxapi on loopback, for the benchmarks. Unlike the browser tests' fake, a task
// here is whatever the benchmark that asks about it defines: a function of the time (real, or the
// virtual time of a page under Playwright's clock) that gives the answer. Every query is recorded,
// with its time and the status it was given, so a benchmark counts what foxapi would have seen.
import { readFileSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'

/** What a task answers to one query. `body` is sent as it is when a string, as JSON otherwise. */
export type Answer = { status?: number; body: unknown; delayMs?: number }

export type Query = {
  /** Real time (Date.now) when the query arrived. */
  at: number
  /** The virtual time the benchmark had set when it arrived, if any. */
  virtualAt: number | undefined
  /** The task status answered (from the body), or the HTTP status when there was none. */
  answered: string
}

/** Answers for every task whose ID starts with `prefix`, by ID and time. */
export type TaskScript = (id: string, time: { now: number; virtualNow: number | undefined }) => Answer

export type Load = { queries: number; maxInFlight: number; maxPerSecond: number; starts: number[] }

export type FakeUpstream = {
  url: string
  /** Defines the tasks whose IDs start with `prefix` (the longest matching prefix wins). */
  define(prefix: string, script: TaskScript): void
  /** Every query made for one task ID, in order. */
  queries(id: string): readonly Query[]
  /** Queries for every ID starting with `prefix`: the most in flight at once, and started in any 1 s. */
  load(prefix: string, from?: number, to?: number): Load
  /** The virtual time of the page a benchmark drives with Playwright's clock (ms since the epoch). */
  setVirtualNow(time: number | undefined): void
  /** Forgets recorded queries for IDs starting with `prefix` (all when omitted). */
  forget(prefix?: string): void
  close(): Promise<void>
}

/** A foxapi task body: the wire format of foxapi-api.md. */
export function taskBody({ id, status, created, progress, results = null, type = 'image', model = 'bench-image-1', extra = {} }: {
  id: string
  status: 'pending' | 'processing' | 'completed' | 'failed'
  /** Unix seconds. */
  created: number
  progress?: number
  results?: unknown[] | null
  type?: string
  model?: string
  extra?: Record<string, unknown>
}): Record<string, unknown> {
  return {
    id, object: `${type}.generation.task`, type, model, status,
    progress: progress ?? (status === 'completed' ? 100 : status === 'processing' ? 40 : 0),
    created, results, error: null, usage: { credits_reserved: 1, user_group: 'default' }, ...extra,
  }
}

// Incompressible bytes for result files, made once and sent again and again.
const BLOCK = Buffer.alloc(1024 * 1024)
for (let i = 0; i < BLOCK.length; i++) BLOCK[i] = (i * 2654435761) >>> 24
const PICTURE = readFileSync(new URL('../server/demo/assets/image-1.png', import.meta.url))

/** Most starts within any 1000 ms, of sorted start times. */
export function maxPerSecond(starts: readonly number[]): number {
  let most = 0
  for (let i = 0, j = 0; i < starts.length; i++) {
    while ((starts[i] ?? 0) - (starts[j] ?? 0) >= 1000) j++
    most = Math.max(most, i - j + 1)
  }
  return most
}

type Started = { id: string; at: number; inFlightThen: number }

export async function startFakeUpstream(port: number): Promise<FakeUpstream> {
  const url = `http://127.0.0.1:${port}`
  const scripts = new Map<string, TaskScript>()
  const queries = new Map<string, Query[]>()
  let started: Started[] = []
  const inFlight = new Map<string, number>()
  let virtualNow: number | undefined

  function scriptFor(id: string): TaskScript | undefined {
    let best: string | undefined
    for (const prefix of scripts.keys()) if (id.startsWith(prefix) && prefix.length > (best?.length ?? -1)) best = prefix
    return best === undefined ? undefined : scripts.get(best)
  }

  function send(res: ServerResponse, status: number, body: unknown) {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
    res.end(text)
  }

  /** `/files/<bytes>/<name>`: that many incompressible bytes; `/files/<name>.png`: a small picture. */
  function sendFile(res: ServerResponse, path: string) {
    const sized = /^\/files\/(\d+)\//.exec(path)
    if (!sized) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PICTURE.length) })
      return void res.end(PICTURE)
    }
    const total = Number(sized[1])
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(total) })
    let sent = 0
    const more = () => {
      while (sent < total) {
        const piece = Math.min(BLOCK.length, total - sent)
        sent += piece
        if (!res.write(piece === BLOCK.length ? BLOCK : BLOCK.subarray(0, piece))) return void res.once('drain', more)
      }
      res.end()
    }
    more()
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path.startsWith('/files/')) return sendFile(res, path)
    const match = /^\/v1\/tasks\/([^/]+)$/.exec(path)
    if (!match?.[1]) return send(res, 404, { error: { message: 'No such route', type: 'not_found' } })
    const id = decodeURIComponent(match[1])
    const script = scriptFor(id)
    const now = Date.now()
    const answer: Answer = script ? script(id, { now, virtualNow }) : { status: 404, body: { error: { message: 'Task not found', type: 'not_found' } } }
    const status = answer.status ?? 200
    const body = answer.body
    const answered = typeof body === 'object' && body !== null && 'status' in body && typeof body.status === 'string' ? body.status : `HTTP ${status}`
    let seen = queries.get(id)
    if (!seen) queries.set(id, (seen = []))
    seen.push({ at: now, virtualAt: virtualNow, answered })
    inFlight.set(id, (inFlight.get(id) ?? 0) + 1)
    started.push({ id, at: now, inFlightThen: countInFlight() })
    res.on('close', () => inFlight.set(id, (inFlight.get(id) ?? 1) - 1))
    if (answer.delayMs) setTimeout(() => send(res, status, body), answer.delayMs)
    else send(res, status, body)
  })

  /** Queries in flight now, for every task. */
  function countInFlight(): number {
    let total = 0
    for (const n of inFlight.values()) total += n
    return total
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  server.keepAliveTimeout = 30_000

  return {
    url,
    define: (prefix, script) => void scripts.set(prefix, script),
    queries: (id) => queries.get(id) ?? [],
    load(prefix, from = 0, to = Infinity) {
      const mine = started.filter((s) => s.id.startsWith(prefix) && s.at >= from && s.at <= to)
      return {
        queries: mine.length,
        // The count at each start includes other prefixes' queries; benchmarks run one at a time.
        maxInFlight: mine.reduce((most, s) => Math.max(most, s.inFlightThen), 0),
        maxPerSecond: maxPerSecond(mine.map((s) => s.at)),
        starts: mine.map((s) => s.at),
      }
    },
    setVirtualNow: (time) => void (virtualNow = time),
    forget(prefix = '') {
      for (const id of [...queries.keys()]) if (id.startsWith(prefix)) queries.delete(id)
      started = started.filter((s) => !s.id.startsWith(prefix))
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
