// GET /api/tasks/:id: one task query, passed to foxapi (or the demo upstream) and back.
import type { Config } from './config.ts'
import { errorResponse } from './upstream-error.ts'

/** Something that answers a Request the way fetch would: global fetch, or the in-process demo app. */
export type Upstream = (request: Request) => Promise<Response>

export const KEY_HEADER = 'x-foxapi-key'
const MAX_TASK_ID = 512
// An hour of transcript is a few MB of JSON; anything far past that is not a task.
const MAX_BODY_BYTES = 32 * 1024 * 1024

type ProxyOptions = {
  config: Config
  upstream: Upstream
  demo: Upstream | undefined
}

export function createTaskProxy({ config, upstream, demo }: ProxyOptions) {
  return async function proxyTask(request: Request, taskId: string): Promise<Response> {
    const id = taskId.trim()
    if (id === '' || id.length > MAX_TASK_ID) {
      return errorResponse(400, 'invalid_request_error', `A task ID is 1 to ${MAX_TASK_ID} characters long.`)
    }
    // encodeURIComponent leaves dots alone, and "." or ".." would step out of /v1/tasks/.
    if (/^\.+$/.test(id)) return errorResponse(400, 'invalid_request_error', `"${id}" is not a task ID.`)
    const sync = new URL(request.url).searchParams.get('sync_upstream') === 'true'
    const query = sync ? '?sync_upstream=true' : ''
    const path = `/v1/tasks/${encodeURIComponent(id)}${query}`

    if (demo && id.startsWith('demo-')) {
      return relay(await demo(new Request(new URL(`/demo${path}`, request.url))))
    }

    const key = config.apiKey ?? request.headers.get(KEY_HEADER)?.trim()
    if (!key) {
      return errorResponse(401, 'missing_key', 'No API key: enter your foxapi key in the page, or set FOXAPI_API_KEY on the server.')
    }
    const signal = AbortSignal.timeout(config.upstreamTimeoutMs)
    try {
      const response = await upstream(new Request(`${config.upstreamBaseUrl}${path}`, {
        headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
        signal,
        redirect: 'manual',
      }))
      return await relay(response, signal)
    } catch (error) {
      if (signal.aborted) {
        return errorResponse(504, 'upstream_timeout', `foxapi did not answer within ${Math.round(config.upstreamTimeoutMs / 1000)} s.`)
      }
      if (error instanceof TooLarge) {
        return errorResponse(502, 'upstream_too_large', `foxapi sent more than ${MAX_BODY_BYTES / 1024 / 1024} MB for one task.`)
      }
      return errorResponse(502, 'upstream_unreachable', `foxwatch could not reach foxapi at ${new URL(config.upstreamBaseUrl).host}.`)
    }
  }
}

class TooLarge extends Error {}

/** Passes status, body and the headers the page needs; the body is read whole so a stall is a timeout. */
async function relay(response: Response, signal?: AbortSignal): Promise<Response> {
  const body = await readCapped(response, signal)
  const headers = new Headers({ 'cache-control': 'no-store' })
  for (const name of ['content-type', 'retry-after']) {
    const value = response.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers })
}

async function readCapped(response: Response, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > MAX_BODY_BYTES) throw new TooLarge()
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
