// Fetching a task's result file for the person: no key, no cookie, nothing of theirs goes to the
// result host; only public addresses are reached (the configured foxapi host excepted); redirects
// are followed a few times and checked again. Shared by Save, the inline media route and Save all.
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

/** Why a result could not be fetched, as the answer foxwatch gives for it. */
export class ResultRefused extends Error {
  readonly response: Response
  constructor(response: Response, message: string) {
    super(message)
    this.response = response
  }
}

function refuse(status: number, type: 'invalid_request_error' | 'save_refused' | 'save_failed', message: string): ResultRefused {
  return new ResultRefused(errorResponse(status, type, message), message)
}

export type ResultFetchOptions = { config: Config; demo: Upstream | undefined }

/**
 * Opens the result at `link` (as the page sent it). Resolves to the result host's 2xx answer with
 * its body unread; throws ResultRefused with a sentence for anything else.
 */
export function createResultFetch({ config, demo }: ResultFetchOptions) {
  const upstreamHost = new URL(config.upstreamBaseUrl).host

  return async function fetchResult(link: string | null, requestUrl: string, method: 'GET' | 'HEAD' = 'GET'): Promise<Response> {
    let target: URL
    try {
      target = new URL(link ?? '')
    } catch {
      throw refuse(400, 'invalid_request_error', 'That is not a link foxwatch can save.')
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw refuse(400, 'save_refused', 'Only http and https links can be saved.')
    }
    if (target.username || target.password) {
      throw refuse(400, 'save_refused', 'Links with a user name or password in them are not saved.')
    }
    // The demo's own files are on this server's loopback address, which the guard would refuse.
    if (demo && target.origin === new URL(requestUrl).origin && target.pathname.startsWith('/demo/files/')) {
      const file = await demo(new Request(target, { method }))
      if (!file.ok) throw failed(file.status)
      return file
    }
    let response: IncomingMessage
    try {
      response = await follow(target, upstreamHost, config.upstreamTimeoutMs)
    } catch (error) {
      if (error instanceof BlockedAddress) {
        throw refuse(403, 'save_refused', `foxwatch does not fetch from ${error.host}: it is not a public address.`)
      }
      if (error instanceof Timeout) {
        throw refuse(504, 'save_failed', `The result host did not answer within ${Math.round(config.upstreamTimeoutMs / 1000)} s.`)
      }
      if (error instanceof TooManyRedirects) throw refuse(502, 'save_failed', 'The result host redirected too many times.')
      throw refuse(502, 'save_failed', `foxwatch could not reach ${target.host}.`)
    }
    const status = response.statusCode ?? 502
    if (status < 200 || status > 299 || method === 'HEAD') {
      response.destroy()
      if (status >= 200 && status <= 299) return new Response(null, { status: 204 })
      throw failed(status)
    }
    response.setTimeout(IDLE_TIMEOUT_MS, () => response.destroy(new Timeout()))
    const headers = new Headers()
    for (const header of ['content-type', 'content-length'] as const) {
      const value = response.headers[header]
      if (value) headers.set(header, value)
    }
    return new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, { status, headers })
  }
}

function failed(status: number): ResultRefused {
  const gone = status === 403 || status === 404 || status === 410
  return refuse(502, 'save_failed', gone
    ? `The result host answered ${status}: the link has probably expired (foxapi links last 24 hours).`
    : `The result host answered ${status}.`)
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
