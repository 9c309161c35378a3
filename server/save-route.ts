// GET /api/save?url=…&name=…: streams one result file to the browser as a download.
// GET /api/file?url=…: the same file inline, same-origin, for the page's own use (WebGL
// textures, waveforms), which cross-origin rules would otherwise block.
// The result host gets no key, no cookie, nothing of the person's; only public addresses are reached.
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { Readable } from 'node:stream'
import type { Config } from './config.ts'
import { BlockedAddress, isPublicAddress, publicOnlyLookup } from './address-guard.ts'
import type { Upstream } from './task-proxy.ts'
import { errorResponse } from './upstream-error.ts'

const MAX_REDIRECTS = 5
const IDLE_TIMEOUT_MS = 30_000

type SaveOptions = { config: Config; demo: Upstream | undefined }

export function createSaveRoute({ config, demo }: SaveOptions) {
  const upstreamHost = new URL(config.upstreamBaseUrl).host

  return async function save(request: Request, disposition: 'attachment' | 'inline' = 'attachment'): Promise<Response> {
    const params = new URL(request.url).searchParams
    const name = safeFileName(params.get('name'))
    // `check=1` answers whether the file can be fetched, without the bytes, so the page can say
    // why a save would fail (an expired link, say) instead of leaving a failed download.
    const checkOnly = params.get('check') === '1'
    let target: URL
    try {
      target = new URL(params.get('url') ?? '')
    } catch {
      return errorResponse(400, 'invalid_request_error', 'That is not a link foxwatch can save.')
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return errorResponse(400, 'save_refused', 'Only http and https links can be saved.')
    }
    if (target.username || target.password) {
      return errorResponse(400, 'save_refused', 'Links with a user name or password in them are not saved.')
    }
    if (demo && target.origin === new URL(request.url).origin && target.pathname.startsWith('/demo/files/')) {
      const file = await demo(new Request(target, { method: checkOnly ? 'HEAD' : 'GET' }))
      if (!file.ok) return failed(file.status)
      return checkOnly ? available() : download(file.body, file.headers, name, disposition)
    }

    let response: IncomingMessage
    try {
      response = await follow(target, upstreamHost, config.upstreamTimeoutMs)
    } catch (error) {
      if (error instanceof BlockedAddress) {
        return errorResponse(403, 'save_refused', `foxwatch does not fetch from ${error.host}: it is not a public address.`)
      }
      if (error instanceof Timeout) {
        return errorResponse(504, 'save_failed', `The result host did not answer within ${Math.round(config.upstreamTimeoutMs / 1000)} s.`)
      }
      if (error instanceof TooManyRedirects) {
        return errorResponse(502, 'save_failed', 'The result host redirected too many times.')
      }
      return errorResponse(502, 'save_failed', `foxwatch could not reach ${target.host}.`)
    }
    const status = response.statusCode ?? 502
    if (status < 200 || status > 299) {
      response.destroy()
      return failed(status)
    }
    if (checkOnly) {
      response.destroy()
      return available()
    }
    response.setTimeout(IDLE_TIMEOUT_MS, () => response.destroy(new Timeout()))
    const headers = new Headers()
    for (const header of ['content-type', 'content-length'] as const) {
      const value = response.headers[header]
      if (value) headers.set(header, value)
    }
    return download(Readable.toWeb(response) as ReadableStream<Uint8Array>, headers, name, disposition)
  }
}

function available(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })
}

function failed(status: number): Response {
  const gone = status === 403 || status === 404 || status === 410
  return errorResponse(502, 'save_failed', gone
    ? `The result host answered ${status}: the link has probably expired (foxapi links last 24 hours).`
    : `The result host answered ${status}.`)
}

const MEDIA_TYPE = /^(?:image|audio|video)\/[\w.+-]+$/i

function download(body: ReadableStream<Uint8Array> | null, from: Headers, name: string, disposition: 'attachment' | 'inline'): Response {
  const type = from.get('content-type')?.split(';')[0]?.trim() ?? ''
  // Inline bytes come from foxwatch's own origin: only media, never HTML or script, and sandboxed.
  if (disposition === 'inline' && (!MEDIA_TYPE.test(type) || /svg/i.test(type))) {
    void body?.cancel()
    return errorResponse(415, 'save_refused', `foxwatch shows only images, audio and video inline, not ${type || 'untyped files'}.`)
  }
  const headers = new Headers({
    'content-type': from.get('content-type') ?? 'application/octet-stream',
    'content-security-policy': "default-src 'none'; sandbox",
    'content-disposition': `${disposition}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  const length = from.get('content-length')
  if (length) headers.set('content-length', length)
  return new Response(body, { status: 200, headers })
}

export function safeFileName(name: string | null): string {
  const cleaned = (name ?? '').replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '').slice(0, 120)
  return cleaned || 'foxwatch-download'
}

class Timeout extends Error {}
class TooManyRedirects extends Error {}

async function follow(start: URL, trustedHost: string, timeoutMs: number): Promise<IncomingMessage> {
  let url = start
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await get(url, url.host === trustedHost, timeoutMs)
    const location = response.headers.location
    if (!location || ![301, 302, 303, 307, 308].includes(response.statusCode ?? 0)) return response
    response.destroy()
    url = new URL(location, url)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BlockedAddress(url.protocol)
  }
  throw new TooManyRedirects()
}

/** One GET with no headers of the person's; `trusted` skips the address check for foxapi's own host. */
function get(url: URL, trusted: boolean, timeoutMs: number): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  // A literal IP skips DNS, so the lookup guard never sees it: check it here.
  if (!trusted && isIP(host) && !isPublicAddress(host)) return Promise.reject(new BlockedAddress(url.hostname))
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.get(url, {
      headers: { 'user-agent': 'foxwatch', accept: '*/*' },
      ...(trusted ? {} : { lookup: publicOnlyLookup }),
    }, (response) => {
      clearTimeout(deadline)
      resolve(response)
    })
    const deadline = setTimeout(() => request.destroy(new Timeout()), timeoutMs)
    request.on('error', (error) => {
      clearTimeout(deadline)
      reject(error)
    })
  })
}
