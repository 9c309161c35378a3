// The page's Content-Security-Policy and the usual security headers, on every answer that does
// not set its own; under /api/, a policy that lets nothing run, and no answer as code at all.
import type { MiddlewareHandler } from 'hono'
import { errorResponse } from './upstream-error.ts'

/**
 * Every /api/ answer's policy: whatever a result host or foxapi sent, opened as a page it is a
 * sandboxed document that may load nothing. Save all adds `frame-ancestors 'self'` to it.
 */
export const API_CSP = "default-src 'none'; sandbox"

/** Requests that would run the answer as code: nothing under /api/ is ever that. */
const CODE_DESTINATIONS = new Set(['script', 'style', 'worker', 'sharedworker', 'serviceworker', 'audioworklet', 'paintworklet', 'xslt', 'embed', 'object'])

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Results are shown straight from their hosts (any https/http host), or from kept copies (blob:).
  // No data: the page makes no data: images, and a result's data: link is never shown as one.
  "img-src 'self' https: http: blob:",
  "media-src 'self' https: http: blob:",
  // blob: is the page's own kept copies (the waveform reads a kept audio file's bytes).
  "connect-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  // Save all posts its form into a hidden frame of the page's own.
  "frame-src 'self'",
  "frame-ancestors 'none'",
].join('; ')

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const api = c.req.path.startsWith('/api/')
    const destination = c.req.header('sec-fetch-dest')?.toLowerCase() ?? ''
    if (api && CODE_DESTINATIONS.has(destination)) {
      const refused = errorResponse(403, 'invalid_request_error', `foxwatch's API answers are data, never a ${destination}.`)
      harden(refused.headers, true)
      return refused
    }
    await next()
    harden(c.res.headers, api)
  }
}

function harden(headers: Headers, api: boolean) {
  const policy = headers.get('content-security-policy')
  if (api) {
    if (!policy?.startsWith(API_CSP)) headers.set('content-security-policy', API_CSP)
  } else if (policy === null) {
    headers.set('content-security-policy', PAGE_CSP)
  }
  headers.set('x-content-type-options', 'nosniff')
  headers.set('referrer-policy', 'no-referrer')
  // Save all's answer lands in a hidden frame of the page's own, and says so itself.
  if (!headers.has('x-frame-options')) headers.set('x-frame-options', 'DENY')
  headers.set('cross-origin-opener-policy', 'same-origin')
  headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()')
}
