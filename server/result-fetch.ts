// Fetching a task's result file for the person: no key, no cookie, nothing of theirs goes to the
// result host; only public addresses are reached (the configured foxapi host excepted); redirects
// are followed a few times and checked again; a file has a size cap and time caps. Shared by
// Save, the inline media route and Save all.
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { Readable } from 'node:stream'
import type { Config } from './config.ts'
import { BlockedAddress, isLoopbackName, isPublicAddress, publicOnlyLookup, type Resolver } from './address-guard.ts'
import type { Upstream } from './task-proxy.ts'
import { errorResponse } from './upstream-error.ts'
import { formatBytes } from '../src/contract/format-bytes.ts'

export type ResultLimits = {
  /** Redirects followed before giving up. */
  redirects: number
  /** The most bytes one result file may have. */
  maxBytes: number
  /** How long the body may go without a byte. */
  idleMs: number
  /** How long one file may take, from the first request to the last byte. */
  totalMs: number
}

// No result foxapi makes comes near 2 GB (a long 4K video is a few hundred MB); past it, a host
// is sending something else, and a zip without ZIP64 stops at 4 GB anyway. Thirty minutes is
// 2 GB at about 10 Mbit/s.
export const RESULT_LIMITS: ResultLimits = { redirects: 5, maxBytes: 2 * 1024 ** 3, idleMs: 30_000, totalMs: 30 * 60_000 }

type RefusalType = 'invalid_request_error' | 'save_refused' | 'save_failed'

/** Why a result could not be fetched, as the answer foxwatch gives for it. */
export class ResultRefused extends Error {
  readonly status: number
  readonly type: RefusalType
  constructor(status: number, type: RefusalType, message: string) {
    super(message)
    this.status = status
    this.type = type
  }

  /** Made when asked: Save all records thousands of refusals and answers none of them. */
  get response(): Response {
    return errorResponse(this.status, this.type, this.message)
  }
}

function refuse(status: number, type: RefusalType, message: string): ResultRefused {
  return new ResultRefused(status, type, message)
}

export type ResultFetchOptions = {
  config: Config
  demo: Upstream | undefined
  /** Tests make files small and hosts impatient. */
  limits?: Partial<ResultLimits>
  /** Tests resolve names of their own (a name that points at loopback, say). */
  resolve?: Resolver
}

/**
 * Opens the result at `link` (as the page sent it). Resolves to the result host's 2xx answer with
 * its body unread; throws ResultRefused with a sentence for anything else. A body that breaks a
 * cap part way errors with a ResultRefused too.
 */
export function createResultFetch({ config, demo, limits: given, resolve }: ResultFetchOptions) {
  const upstreamHost = new URL(config.upstreamBaseUrl).host
  const limits = { ...RESULT_LIMITS, ...given }
  const lookup = publicOnlyLookup(resolve)

  return async function fetchResult(link: string | null, requestUrl: string, method: 'GET' | 'HEAD' = 'GET'): Promise<Response> {
    let target: URL
    try {
      target = new URL(link ?? '')
    } catch {
      throw refuse(400, 'invalid_request_error', 'That is not a link foxwatch can save.')
    }
    checkLink(target)
    // The demo's own files are on this server's loopback address, which the guard would refuse.
    if (demo && target.origin === new URL(requestUrl).origin && target.pathname.startsWith('/demo/files/')) {
      const file = await demo(new Request(target, { method }))
      if (!file.ok) throw failed(file.status)
      return file
    }
    const started = Date.now()
    let response: IncomingMessage
    try {
      response = await follow(target, { trustedHost: upstreamHost, timeoutMs: config.upstreamTimeoutMs, redirects: limits.redirects, lookup })
    } catch (error) {
      if (error instanceof ResultRefused) throw error
      if (error instanceof BlockedAddress) {
        throw refuse(403, 'save_refused', `foxwatch does not fetch from ${error.host}: it is not a public address.`)
      }
      if (error instanceof Timeout) {
        throw refuse(504, 'save_failed', `The result host did not answer within ${seconds(config.upstreamTimeoutMs)}.`)
      }
      throw refuse(502, 'save_failed', `foxwatch could not reach ${target.host}.`)
    }
    const status = response.statusCode ?? 502
    if (status < 200 || status > 299) {
      response.destroy()
      throw failed(status)
    }
    const tooLarge = () => refuse(502, 'save_failed', `The file is larger than ${formatBytes(limits.maxBytes)}, the most foxwatch saves of one result.`)
    // A length past the cap is refused before a byte is read (and a check says so at once).
    if (Number(response.headers['content-length']) > limits.maxBytes) {
      response.destroy()
      throw tooLarge()
    }
    if (method === 'HEAD') {
      response.destroy()
      return new Response(null, { status: 204 })
    }
    response.setTimeout(limits.idleMs, () =>
      response.destroy(refuse(504, 'save_failed', `The result host stopped sending for ${seconds(limits.idleMs)}; the file is incomplete.`)))
    const deadline = setTimeout(() =>
      response.destroy(refuse(504, 'save_failed', `The file took longer than ${seconds(limits.totalMs)} to arrive; it is incomplete.`)), limits.totalMs - (Date.now() - started))
    response.once('close', () => clearTimeout(deadline))
    const headers = new Headers()
    for (const header of ['content-type', 'content-length'] as const) {
      const value = response.headers[header]
      if (value) headers.set(header, value)
    }
    let size = 0
    const capped = (Readable.toWeb(response) as ReadableStream<Uint8Array>).pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength
        if (size > limits.maxBytes) controller.error(tooLarge())
        else controller.enqueue(chunk)
      },
    }))
    return new Response(capped, { status, headers })
  }
}

/** Refuses links that are not plain http(s) to a host: other schemes, and user names or passwords. */
function checkLink(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refuse(400, 'save_refused', `Only http and https links can be saved, not ${url.protocol} links.`)
  }
  if (url.username || url.password) {
    throw refuse(400, 'save_refused', 'Links with a user name or password in them are not saved.')
  }
}

function failed(status: number): ResultRefused {
  const gone = status === 403 || status === 404 || status === 410
  return refuse(502, 'save_failed', gone
    ? `The result host answered ${status}: the link has probably expired (foxapi links last 24 hours).`
    : `The result host answered ${status}.`)
}

const seconds = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.max(1, Math.round(ms / 1000))} s`)


class Timeout extends Error {}

type FollowOptions = { trustedHost: string; timeoutMs: number; redirects: number; lookup: ReturnType<typeof publicOnlyLookup> }

async function follow(start: URL, options: FollowOptions): Promise<IncomingMessage> {
  let url = start
  for (let hop = 0; ; hop++) {
    const response = await get(url, url.host === options.trustedHost, options)
    const location = response.headers.location
    if (!location || ![301, 302, 303, 307, 308].includes(response.statusCode ?? 0)) return response
    response.destroy()
    if (hop >= options.redirects) throw refuse(502, 'save_failed', `The result host redirected more than ${options.redirects} times.`)
    try {
      url = new URL(location, url)
    } catch {
      throw refuse(502, 'save_failed', 'The result host redirected to something that is not a link.')
    }
    checkLink(url)
  }
}

/** One GET with no headers of the person's; `trusted` skips the address check for foxapi's own host. */
function get(url: URL, trusted: boolean, { timeoutMs, lookup }: FollowOptions): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  // A literal IP skips DNS, so the lookup guard never sees it: check it here.
  if (!trusted && ((isIP(host) && !isPublicAddress(host)) || isLoopbackName(host))) return Promise.reject(new BlockedAddress(url.hostname))
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.get(url, {
      headers: { 'user-agent': 'foxwatch', accept: '*/*' },
      ...(trusted ? {} : { lookup }),
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
