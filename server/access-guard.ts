// Who may talk to the server at all: only requests addressed to a host name it serves (a page on
// another name, pointed at this machine by DNS rebinding, is refused), and, when an access token
// is configured, only people who give it.
import { timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
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

export function accessGuard(config: Pick<Config, 'allowedHosts' | 'accessToken'>): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? ''
    if (!config.allowedHosts.includes(hostName(host))) {
      return errorResponse(421, 'invalid_request_error',
        `foxwatch does not answer to the host name "${hostName(host)}". If that is right, add it to FOXWATCH_ALLOWED_HOSTS.`)
    }
    if (config.accessToken) {
      const [scheme, encoded] = (c.req.header('authorization') ?? '').split(' ')
      const password = scheme === 'Basic' && encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':').slice(1).join(':') : ''
      if (!sameSecret(password, config.accessToken)) {
        return errorResponse(401, 'invalid_request_error', 'This foxwatch needs its access token: any user name, the token as password.', {
          'www-authenticate': 'Basic realm="foxwatch", charset="UTF-8"',
        })
      }
    }
    await next()
  }
}
