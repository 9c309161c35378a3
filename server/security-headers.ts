// The page's Content-Security-Policy and the usual security headers, on every answer that does
// not set its own (the save and file routes send a stricter, sandboxed policy).
import type { MiddlewareHandler } from 'hono'

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
    await next()
    const headers = c.res.headers
    if (!headers.has('content-security-policy')) headers.set('content-security-policy', PAGE_CSP)
    headers.set('x-content-type-options', 'nosniff')
    headers.set('referrer-policy', 'no-referrer')
    // Save all's answer lands in a hidden frame of the page's own, and says so itself.
    if (!headers.has('x-frame-options')) headers.set('x-frame-options', 'DENY')
    headers.set('cross-origin-opener-policy', 'same-origin')
    headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()')
  }
}
