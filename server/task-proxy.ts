// GET /api/tasks/:id: one task query, passed to foxapi (or the demo upstream) and back.
import { createCoalescer } from './coalesce.ts'
import type { Config } from './config.ts'
import { Busy, createMemoryBudget, type MemoryBudget } from './memory-budget.ts'
import { createPacer, lastHopGap, PaceFull, type Left, type Pacer } from './pace.ts'
import { redactKey } from './redact-key.ts'
import { errorResponse } from './upstream-error.ts'
import { whenWritten } from './wire-time.ts'
import { KEY_HEADER } from '../src/contract/key-header.ts'
import { MAX_TASK_ID } from '../src/contract/task-id.ts'
import { PACE_HEADER, PAGE_HEADER, PAGE_ID } from '../src/contract/request-pace.ts'

/** Something that answers a Request the way fetch would: global fetch, or the in-process demo app. */
export type Upstream = (request: Request) => Promise<Response>

// An hour of transcript is a few MB of JSON; anything far past that is not a task.
const MAX_BODY_BYTES = 32 * 1024 * 1024
/** How much of a shared answer each caller's stream hands on at a time. */
const SLICE_BYTES = 64 * 1024

type ProxyOptions = {
  config: Config
  upstream: Upstream
  demo: Upstream | undefined
  /** What the server may hold at once; the server passes the one it shares with Save all. */
  budget?: MemoryBudget
  /** Told as each query reaches the point where identical ones are shared: tests wait on it. */
  onShare?: () => void
  /** The spacing of each page's queries to foxapi; tests pass one on a clock they move. */
  pace?: Pacer
}

export function createTaskProxy({ config, upstream, demo, budget = createMemoryBudget(), onShare, pace = createPacer() }: ProxyOptions) {
  // Two tabs polling one task ask the same question at the same moment; one upstream request
  // answers both (issue 5: a request budget).
  const coalescer = createCoalescer<Answer>()
  const coalesce = async (key: string, run: () => Promise<Answer>) => {
    onShare?.()
    const answer = await coalescer(key, run)
    // Every caller that shared the run opens its copy in the microtasks right after it settles;
    // the answer's bytes are given back once the last copy has been read (or dropped).
    setImmediate(answer.letGo)
    return answer
  }

  // Node's fetch (undici 6) follows a Request's signal through a weak reference to the Request:
  // one nobody holds can be collected while foxapi stalls, and its time limit then never reaches
  // the fetch, which hangs for good (and every caller sharing it). Each is held here until read.
  const onTheirWay = new Set<Request>()

  /** Reads an upstream answer within the budget: a turn, then room for its bytes. */
  async function ask(prepare: (signal: AbortSignal) => Request, send: (request: Request) => Promise<Response>, key: string): Promise<Answer> {
    let endTurn: () => void
    try {
      endTurn = await budget.take(0, { slot: true })
    } catch (error) {
      if (error instanceof Busy) return busy(error)
      throw error
    }
    // The shared request has its own timeout and ignores every caller's signal: one caller giving
    // up must not cancel the answer the others are waiting for.
    const deadline = createDeadline(config.upstreamTimeoutMs)
    const request = prepare(deadline.signal)
    onTheirWay.add(request)
    try {
      return await relay(await send(request), { deadline, key, budget })
    } catch (error) {
      if (error instanceof Busy) return busy(error)
      if (deadline.signal.aborted) {
        return ownAnswer(errorResponse(504, 'upstream_timeout', `foxapi did not answer within ${Math.round(config.upstreamTimeoutMs / 1000)} s.`))
      }
      if (error instanceof TooLarge) {
        return ownAnswer(errorResponse(502, 'upstream_too_large', `foxapi sent more than ${MAX_BODY_BYTES / 1024 / 1024} MB for one task.`))
      }
      return ownAnswer(errorResponse(502, 'upstream_unreachable', `foxwatch could not reach foxapi at ${new URL(config.upstreamBaseUrl).host}.`))
    } finally {
      onTheirWay.delete(request)
      deadline.clear()
      endTurn()
    }
  }

  /** `lane` names the key (a digest) and the page; `gapMs` is the page's spacing, if it sent one. */
  async function askUpstream(path: string, key: string, lane: string, gapMs: number | undefined): Promise<Answer> {
    let left: Left | undefined
    if (gapMs !== undefined) {
      try {
        left = await pace(lane, gapMs)
      } catch (error) {
        if (!(error instanceof PaceFull)) throw error
        // foxwatch's own refusal, not foxapi's: the page says the server is busy, not foxapi.
        return ownAnswer(errorResponse(429, 'server_busy', error.message, { 'retry-after': String(error.retryAfterSeconds) }))
      }
    }
    const prepare = (signal: AbortSignal) => new Request(`${config.upstreamBaseUrl}${path}`, {
      headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
      signal,
      redirect: 'manual',
    })
    try {
      // The lane's next query is spaced from the moment this one is written out.
      return await ask(prepare, (request) => left ? whenWritten(left, () => upstream(request)) : upstream(request), key)
    } finally {
      // Told already, unless the query never went (the budget had no room for it).
      left?.()
    }
  }

  return async function proxyTask(request: Request, taskId: string): Promise<Response> {
    const id = taskId.trim()
    if (id === '' || id.length > MAX_TASK_ID) {
      return errorResponse(400, 'invalid_task_id', id === ''
        ? 'A task ID cannot be empty.'
        : `That task ID is ${id.length.toLocaleString('en')} characters long; a task ID is at most ${MAX_TASK_ID}.`)
    }
    // encodeURIComponent leaves dots alone, and "." or ".." would step out of /v1/tasks/.
    if (/^\.+$/.test(id)) return errorResponse(400, 'invalid_task_id', `"${id}" is not a task ID.`)
    const sync = new URL(request.url).searchParams.get('sync_upstream') === 'true'
    const query = sync ? '?sync_upstream=true' : ''
    const path = `/v1/tasks/${encodeURIComponent(id)}${query}`

    if (demo && id.startsWith('demo-')) {
      // The whole URL is the share key: the demo builds its result links from the origin asked.
      const url = new URL(`/demo${path}`, request.url).href
      return answerFor(request, await coalesce(`demo ${url}`, () => ask((signal) => new Request(url, { signal }), demo, '')))
    }

    const key = config.apiKey ?? request.headers.get(KEY_HEADER)?.trim()
    if (!key) {
      return errorResponse(401, 'missing_key', 'No API key: enter your foxapi key in the page, or set FOXAPI_API_KEY on the server.')
    }
    // Answers are shared only between callers with the same key; the map holds its digest, so
    // no key outlives the request that brought it.
    const digest = await sha256Hex(key)
    // The page's own pace, kept per page and key (request-pace.ts).
    const perSecond = Number(request.headers.get(PACE_HEADER))
    const gapMs = Number.isInteger(perSecond) && perSecond > 0 ? lastHopGap(perSecond) : undefined
    const page = request.headers.get(PAGE_HEADER) ?? ''
    const lane = `${digest} ${PAGE_ID.test(page) ? page : ''}`
    return answerFor(request, await coalesce(`key ${digest} ${path}`, () => askUpstream(path, key, lane, gapMs)))
  }
}

/**
 * The caller's copy of a shared answer. A HEAD gets the status and headers only: its copy is let go
 * at once, since nothing would ever read it and its share of the budget would never come back.
 */
function answerFor(request: Request, answer: Answer): Response {
  const response = answer.open()
  if (request.method !== 'HEAD') return response
  void response.body?.cancel()
  return new Response(null, { status: response.status, headers: response.headers })
}

/**
 * One answer for the page, held once however many callers share it. Each caller opens a
 * Response of its own that reads the same bytes a slice at a time (no copy per caller); the
 * budget's share is given back when the last one is done.
 */
type Answer = {
  open(): Response
  /** Drops the sharing run's own hold, once every caller has opened its copy. */
  letGo(): void
}

type Held = { status: number; headers: Array<[string, string]>; body: Uint8Array<ArrayBuffer>; release: () => void }

/**
 * A caller's copy that is dropped without being read to the end or cancelled (a path nobody
 * foresaw) still gives its share back, when the garbage collector takes it.
 */
const unread = new FinalizationRegistry<() => void>((finish) => finish())

function shared({ status, headers, body, release }: Held): Answer {
  // The run itself holds the bytes until letGo, so the first caller to finish cannot give them
  // back before the last one has opened its copy.
  let holders = 1
  const drop = () => {
    holders--
    if (holders === 0) release()
  }
  return {
    letGo: drop,
    open() {
      holders++
      let at = 0
      let done = false
      const finish = () => {
        if (done) return
        done = true
        drop()
      }
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= body.byteLength) {
            controller.close()
            return finish()
          }
          // A view, not a copy: nothing downstream writes into a chunk it was handed.
          controller.enqueue(body.subarray(at, at + SLICE_BYTES))
          at += SLICE_BYTES
        },
        cancel: finish,
      }, { highWaterMark: 0 })
      unread.register(stream, finish)
      // Fresh Headers per caller, since middleware adds to them.
      return new Response(body.byteLength === 0 ? null : stream, { status, headers: new Headers(headers) })
    },
  }
}

/** foxwatch's own small answer (an error), which holds nothing of the budget. */
async function ownAnswer(response: Response): Promise<Answer> {
  const body = new Uint8Array(await response.arrayBuffer())
  return shared({ status: response.status, headers: [...response.headers], body, release: () => undefined })
}

function busy({ retryAfterSeconds }: Busy): Promise<Answer> {
  return ownAnswer(errorResponse(503, 'server_busy', 'foxwatch is busy passing on other large answers; it will ask again shortly.', {
    'retry-after': String(retryAfterSeconds),
  }))
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

class TooLarge extends Error {}

/** JSON's media types, and text/plain, which a gateway may put on JSON: either way the page gets it as JSON. */
const JSON_TYPE = /^(?:application\/(?:[\w.-]+\+)?json|text\/json|text\/plain)$/i
/** A media type plain enough to name in a sentence. */
const PLAIN_TYPE = /^[\w.+-]{1,40}\/[\w.+-]{1,60}$/

/**
 * foxapi's time limit, held while an answer waits for room in the budget: the wait is foxwatch's,
 * and the answer's body then gets the whole limit again.
 */
type Deadline = { signal: AbortSignal; pause(): void; restart(): void; clear(): void }

function createDeadline(ms: number): Deadline {
  const controller = new AbortController()
  const fire = () => controller.abort(new DOMException('foxapi did not answer in time', 'TimeoutError'))
  let timer = setTimeout(fire, ms)
  return {
    signal: controller.signal,
    pause: () => clearTimeout(timer),
    restart() {
      clearTimeout(timer)
      timer = setTimeout(fire, ms)
    },
    clear: () => clearTimeout(timer),
  }
}

type RelayOptions = { deadline: Deadline; key: string; budget: MemoryBudget }

/**
 * foxapi's answer as foxwatch passes it on: always JSON (anything else becomes foxwatch's own
 * JSON problem, so nothing foxapi sends can run as a page, script or style on this origin), the
 * key taken out, and only the headers foxwatch understands, rewritten in the one form it sends.
 * The body is read whole so a stall is a timeout and the key can be found wherever it falls.
 */
async function relay(response: Response, { deadline, key, budget }: RelayOptions): Promise<Answer> {
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? ''
  const headers: Array<[string, string]> = [['cache-control', 'no-store'], ['content-type', 'application/json; charset=utf-8']]
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'))
  if (retryAfter !== undefined) headers.push(['retry-after', String(retryAfter)])
  if (type !== '' && !JSON_TYPE.test(type)) {
    // Unread, the body would hold the connection to foxapi open.
    await response.body?.cancel().catch(() => undefined)
    const what = PLAIN_TYPE.test(type) && (key === '' || !type.includes(key)) ? type : 'something'
    const ok = response.status >= 200 && response.status <= 299
    return ownAnswer(errorResponse(ok ? 502 : response.status, ok ? 'upstream_bad_response' : 'upstream_not_json',
      `it sent ${what}, not JSON.`, Object.fromEntries(headers.filter(([name]) => name === 'retry-after'))))
  }
  const { body, release } = await readCapped(response, deadline, budget)
  const clean = redactKey(body, key)
  // A key replaced by the longer "[API key]" grows the body: that growth is held too.
  const grown = clean.byteLength - body.byteLength
  if (grown > 0 && !budget.tryTake(grown)) {
    release()
    throw new Busy(2)
  }
  return shared({
    status: response.status,
    headers,
    body: clean,
    release: () => {
      release()
      if (grown > 0) budget.give(grown)
    },
  })
}

/** A day: a longer wait than this is a mistake on foxapi's side, and the page would sit idle for it. */
const MAX_RETRY_AFTER = 86_400

/** Seconds to wait from a Retry-After of either form, or undefined for anything else. */
function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim() ?? ''
  if (/^\d{1,9}$/.test(value)) return Math.min(MAX_RETRY_AFTER, Number(value))
  // An HTTP date names its weekday ("Wed, 21 Oct 2015 07:28:00 GMT").
  if (!/^(?:mon|tue|wed|thu|fri|sat|sun), \d{2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2} gmt$/i.test(value)) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.min(MAX_RETRY_AFTER, Math.max(0, Math.ceil((date - now) / 1000)))
}

/** The whole body, its bytes taken from the budget first (all at once when the length is declared). */
async function readCapped(response: Response, deadline: Deadline, budget: MemoryBudget): Promise<{ body: Uint8Array<ArrayBuffer>; release: () => void }> {
  const { signal } = deadline
  const declared = Number(response.headers.get('content-length'))
  if (declared > MAX_BODY_BYTES) {
    // Unread, the body would hold the connection to foxapi open (and foxapi sending) for good.
    await response.body?.cancel().catch(() => undefined)
    throw new TooLarge()
  }
  if (!response.body) return { body: new Uint8Array(new ArrayBuffer(0)), release: () => undefined }
  let reserved = 0
  const release = () => {
    budget.give(reserved)
    reserved = 0
  }
  try {
    if (Number.isSafeInteger(declared) && declared > 0) {
      // Waiting for room for the whole answer before reading any of it: two half-read answers
      // can never each hold the room the other needs.
      deadline.pause()
      await budget.take(declared)
      deadline.restart()
      reserved = declared
    }
    // With a length declared, the bytes go straight into one buffer of that size; without, they
    // are gathered and joined at the end.
    let body = new Uint8Array(new ArrayBuffer(reserved))
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of response.body) {
      signal.throwIfAborted()
      if (size + chunk.byteLength > MAX_BODY_BYTES) throw new TooLarge()
      if (size + chunk.byteLength > reserved) {
        // No length given (or more than it said): room is taken as the bytes come, and an answer
        // that finds none is refused rather than left holding half of it.
        if (!budget.tryTake(size + chunk.byteLength - reserved)) throw new Busy(2)
        reserved = size + chunk.byteLength
      }
      if (size + chunk.byteLength <= body.byteLength) body.set(chunk, size)
      else chunks.push(chunk)
      size += chunk.byteLength
    }
    if (chunks.length > 0) {
      const whole = new Uint8Array(new ArrayBuffer(size))
      const filled = size - chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
      whole.set(body.subarray(0, filled))
      let offset = filled
      for (const chunk of chunks) {
        whole.set(chunk, offset)
        offset += chunk.byteLength
      }
      body = whole
    } else if (size < body.byteLength) {
      body = body.slice(0, size)
    }
    // A body shorter than it said gives back what it did not use.
    if (reserved > size) {
      budget.give(reserved - size)
      reserved = size
    }
    return { body, release }
  } catch (error) {
    release()
    await response.body.cancel().catch(() => undefined)
    throw error
  }
}
