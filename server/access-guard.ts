// Who may talk to the server at all: only requests addressed to a host name it serves (a page on
// another name, pointed at this machine by DNS rebinding, is refused), and, when an access token
// is configured, only people who give it, with wrong guesses from one address slowed down.
import { timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import type { Config } from './config.ts'
import { errorResponse } from './upstream-error.ts'

function hostName(host: string): string {
  // "name:port", "[v6]:port", or a bare name.
  const bracketed = /^(\[[^\]]+\])(?::\d+)?$/.exec(host)
  return (bracketed?.[1] ?? host.replace(/:\d+$/, '')).toLowerCase()
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

type GuardOptions = {
  /** Milliseconds; tests step it instead of waiting out a throttle. */
  now?: () => number
}

export function accessGuard(config: Pick<Config, 'allowedHosts' | 'accessToken'>, { now = Date.now }: GuardOptions = {}): MiddlewareHandler {
  const throttle = createThrottle(now)
  return async (c, next) => {
    const host = c.req.header('host') ?? ''
    if (!config.allowedHosts.includes(hostName(host))) {
      return errorResponse(421, 'invalid_request_error',
        `foxwatch does not answer to the host name "${hostName(host)}". If that is right, add it to FOXWATCH_ALLOWED_HOSTS.`)
    }
    if (config.accessToken) {
      const address = clientOf(c)
      // Checked before the token, so a throttled guesser learns nothing, right or wrong.
      const wait = throttle.waitFor(address)
      if (wait > 0) return tooManyGuesses(wait)
      const authorization = c.req.header('authorization')
      const [scheme, encoded] = (authorization ?? '').split(' ')
      const password = scheme === 'Basic' && encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':').slice(1).join(':') : ''
      if (!sameSecret(password, config.accessToken)) {
        // No credentials at all is a browser's first visit, not a guess.
        if (authorization !== undefined) throttle.failed(address)
        return errorResponse(401, 'invalid_request_error', 'This foxwatch needs its access token: any user name, the token as password.', {
          'www-authenticate': 'Basic realm="foxwatch", charset="UTF-8"',
        })
      }
      throttle.passed(address)
    }
    await next()
  }
}

/** Wrong tokens an address may give within FORGET_MS before it has to wait. */
export const FREE_GUESSES = 5
/** The first wait, after the first guess past the free ones; each further guess doubles it. */
export const FIRST_WAIT_MS = 1_000
/** The longest wait: about 12 guesses an hour, 300 a day, from one address. */
export const LONGEST_WAIT_MS = 5 * 60_000
/** An address quiet this long since its last wrong guess starts afresh. Longer than any wait. */
export const FORGET_MS = 15 * 60_000
/** Addresses remembered at once: the least recently wrong is forgotten first. */
export const MAX_ADDRESSES = 10_000

type Guesses = { failures: number; lastFailure: number; blockedUntil: number }

export function createThrottle(now: () => number, maxAddresses = MAX_ADDRESSES) {
  // In order of last wrong guess: the stale ones are at the front, so forgetting them never
  // means looking through the rest.
  const records = new Map<string, Guesses>()
  function forgetStale(at: number) {
    for (const [address, record] of records) {
      if (at - record.lastFailure <= FORGET_MS && records.size <= maxAddresses) break
      records.delete(address)
    }
  }
  return {
    /** Milliseconds this address must wait before its token is looked at again; 0 for none. */
    waitFor(address: string): number {
      const record = records.get(address)
      if (!record) return 0
      const at = now()
      if (at - record.lastFailure > FORGET_MS) {
        records.delete(address)
        return 0
      }
      return Math.max(0, record.blockedUntil - at)
    },
    failed(address: string) {
      const at = now()
      const known = records.get(address)
      const record = known && at - known.lastFailure <= FORGET_MS ? known : { failures: 0, lastFailure: at, blockedUntil: at }
      record.failures += 1
      record.lastFailure = at
      const past = record.failures - FREE_GUESSES
      if (past > 0) record.blockedUntil = at + Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (past - 1))
      records.delete(address)
      records.set(address, record)
      forgetStale(at)
    },
    passed(address: string) {
      records.delete(address)
    },
    size: () => records.size,
  }
}

function tooManyGuesses(waitMs: number): Response {
  const seconds = Math.ceil(waitMs / 1000)
  return Response.json({ error: { type: 'rate_limit_error', message: `Too many wrong access tokens from here; try again in ${seconds} s.` } }, {
    status: 429,
    headers: { 'cache-control': 'no-store', 'retry-after': String(seconds) },
  })
}

/**
 * Whose guesses these are: the socket's address under @hono/node-server. Called in process
 * (tests, or a platform without a socket), every caller shares one count: stricter, never looser.
 */
function clientOf(c: Context): string {
  return addressKey(socketAddress(c.env))
}

/** One IPv6 user holds a whole /64, so that counts as one address; IPv4 mapped into IPv6 as IPv4. */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (!address.includes(':')) return address
  return `${expandV6(address).slice(0, 4).join(':')}::/64`
}

function socketAddress(env: unknown): string | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined
  const incoming: unknown = env.incoming
  if (typeof incoming !== 'object' || incoming === null || !('socket' in incoming)) return undefined
  const socket: unknown = incoming.socket
  if (typeof socket !== 'object' || socket === null || !('remoteAddress' in socket)) return undefined
  return typeof socket.remoteAddress === 'string' ? socket.remoteAddress : undefined
}

/** The eight groups of an IPv6 address, "::" filled in, leading zeros dropped. */
function expandV6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('%')[0]?.split('::') ?? []
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0')
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''))
}
