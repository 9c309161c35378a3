// GET /api/tasks/:id: one task query, passed to foxapi (or the demo upstream) and back.
import { createCoalescer } from './coalesce.ts'
import type { Config } from './config.ts'
import { createPacer } from './pace.ts'
import { redactKey } from './redact-key.ts'
import { errorResponse } from './upstream-error.ts'
import { MAX_TASK_ID } from '../src/api/task-id.ts'
import { PACE_HEADER, PAGE_HEADER, PAGE_ID, startGap } from '../src/api/request-pace.ts'

/** Something that answers a Request the way fetch would: global fetch, or the in-process demo app. */
export type Upstream = (request: Request) => Promise<Response>

export const KEY_HEADER = 'x-foxapi-key'
// An hour of transcript is a few MB of JSON; anything far past that is not a task.
const MAX_BODY_BYTES = 32 * 1024 * 1024

type ProxyOptions = {
  config: Config
  upstream: Upstream
  demo: Upstream | undefined
  /** Told as each query reaches the point where identical ones are shared: tests wait on it. */
  onShare?: () => void
}

export function createTaskProxy({ config, upstream, demo, onShare }: ProxyOptions) {
  // Two tabs polling one task ask the same question at the same moment; one upstream request
  // answers both (issue 5: a request budget).
  const coalescer = createCoalescer<Answer>()
  const coalesce = (key: string, run: () => Promise<Answer>) => {
    onShare?.()
    return coalescer(key, run)
  }
  const pace = createPacer()

  /** `lane` names the key (a digest) and the page; `gapMs` is the page's spacing, if it sent one. */
  async function askUpstream(path: string, key: string, lane: string, gapMs: number | undefined): Promise<Answer> {
    if (gapMs !== undefined) await pace(lane, gapMs)
    // The shared request has its own timeout and ignores every caller's signal: one caller giving
    // up must not cancel the answer the others are waiting for.
    const signal = AbortSignal.timeout(config.upstreamTimeoutMs)
    try {
      const response = await upstream(new Request(`${config.upstreamBaseUrl}${path}`, {
        headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
        signal,
        redirect: 'manual',
      }))
      const answer = await relay(response, signal)
      return { ...answer, body: redactKey(answer.body, key) }
    } catch (error) {
      if (signal.aborted) {
        return relay(errorResponse(504, 'upstream_timeout', `foxapi did not answer within ${Math.round(config.upstreamTimeoutMs / 1000)} s.`))
      }
      if (error instanceof TooLarge) {
        return relay(errorResponse(502, 'upstream_too_large', `foxapi sent more than ${MAX_BODY_BYTES / 1024 / 1024} MB for one task.`))
      }
      return relay(errorResponse(502, 'upstream_unreachable', `foxwatch could not reach foxapi at ${new URL(config.upstreamBaseUrl).host}.`))
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
      return toResponse(await coalesce(`demo ${url}`, async () => relay(await demo(new Request(url)))))
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
    const gapMs = Number.isInteger(perSecond) && perSecond > 0 ? startGap(perSecond) : undefined
    const page = request.headers.get(PAGE_HEADER) ?? ''
    const lane = `${digest} ${PAGE_ID.test(page) ? page : ''}`
    return toResponse(await coalesce(`key ${digest} ${path}`, () => askUpstream(path, key, lane, gapMs)))
  }
}

/** One answer for the page, held as bytes so every caller sharing it gets a Response of its own. */
type Answer = { status: number; statusText: string; headers: Array<[string, string]>; body: Uint8Array<ArrayBuffer> }

function toResponse({ status, statusText, headers, body }: Answer): Response {
  // Fresh Headers per caller, since middleware adds to them; the Fetch standard copies a
  // BufferSource body, so no caller can touch another's bytes.
  return new Response(body, { status, statusText, headers: new Headers(headers) })
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

class TooLarge extends Error {}

/** Keeps status, body and the headers the page needs; the body is read whole so a stall is a timeout. */
async function relay(response: Response, signal?: AbortSignal): Promise<Answer> {
  const body = await readCapped(response, signal)
  const headers: Array<[string, string]> = [['cache-control', 'no-store']]
  for (const name of ['content-type', 'retry-after']) {
    const value = response.headers.get(name)
    if (value) headers.push([name, value])
  }
  return { status: response.status, statusText: response.statusText, headers, body }
}

async function readCapped(response: Response, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > MAX_BODY_BYTES) {
    // Unread, the body would hold the connection to foxapi open (and foxapi sending) for good.
    await response.body?.cancel().catch(() => undefined)
    throw new TooLarge()
  }
  if (!response.body) return new Uint8Array(new ArrayBuffer(0))
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body) {
    signal?.throwIfAborted()
    size += chunk.byteLength
    if (size > MAX_BODY_BYTES) throw new TooLarge()
    chunks.push(chunk)
  }
  const body = new Uint8Array(new ArrayBuffer(size))
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
