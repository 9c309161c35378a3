import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { PAGE_CSP, securityHeaders } from './security-headers.ts'

const directives = new Map(PAGE_CSP.split('; ').map((d) => {
  const [name = '', ...sources] = d.split(' ')
  return [name, sources]
}))

describe('the page Content-Security-Policy', () => {
  it('runs only the server’s own scripts and styles: nothing inline, no eval', () => {
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('style-src')).toEqual(["'self'"])
    expect(PAGE_CSP).not.toMatch(/unsafe-|\*|'strict-dynamic'|nonce-|sha256-/)
  })

  it('loads results from their hosts and kept copies, and nothing executable from anywhere', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'https:', 'http:', 'blob:'])
    expect(directives.get('media-src')).toEqual(["'self'", 'https:', 'http:', 'blob:'])
    expect(directives.get('connect-src')).toEqual(["'self'", 'blob:'])
    expect(PAGE_CSP).not.toContain('data:')
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
  })

  it('is framed by no one, posts forms only to itself, and frames only itself', () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'self'"])
    expect(directives.get('frame-src')).toEqual(["'self'"])
  })

  it('comes with the usual security headers, and leaves a stricter policy of a route alone', async () => {
    const app = new Hono()
    app.use('*', securityHeaders())
    app.get('/', (c) => c.text('page'))
    app.get('/file', (c) => c.body('x', 200, { 'content-security-policy': "default-src 'none'; sandbox", 'x-frame-options': 'SAMEORIGIN' }))
    const page = await app.request('/')
    expect(Object.fromEntries(page.headers)).toMatchObject({
      'content-security-policy': PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    })
    const file = await app.request('/file')
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(file.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
