import { lookup as systemLookup } from 'node:dns'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Resolver } from './address-guard.ts'
import type { Config } from './config.ts'
import { startLoopbackServer, type LoopbackServer } from './loopback-server.ts'
import { createResultFetch, RESULT_LIMITS, ResultRefused, type ResultLimits } from './result-fetch.ts'
import { createSaveAllRoute } from './save-all.ts'
import { SSRF_TARGETS, type SsrfTarget } from './ssrf-targets.ts'

const picture = new Uint8Array(1000).map((_, i) => i % 251)

/** The trusted result host (it stands where foxapi's own host is), scripted by path. */
let host: LoopbackServer
/** Listens on loopback where most targets point; nothing may ever reach it. */
let victim: LoopbackServer
let victim6: LoopbackServer | undefined
/** Every name the stand-in resolver was asked. */
const asked: string[] = []
const timers = new Set<NodeJS.Timeout>()

const testDns = new Map(SSRF_TARGETS.filter((t) => t.dns).map((t) => [new URL(t.url).hostname, t.dns ?? []]))
let rebindAnswers = ['93.184.215.14']

const resolver: Resolver = (hostname, options, callback) => {
  asked.push(hostname)
  const answers = hostname === 'rebinding.foxwatch.test' ? rebindAnswers : testDns.get(hostname)
  if (hostname === 'rebinding.foxwatch.test') rebindAnswers = ['127.0.0.1']
  if (!answers) return systemLookup(hostname, options, callback)
  callback(null, answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })))
}

beforeAll(async () => {
  host = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const to = url.searchParams.get('to')
    const hops = /^\/hops\/(\d+)$/.exec(url.pathname)
    if (url.pathname === '/redirect' && to) {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to })
      return res.end()
    }
    if (hops) {
      const left = Number(hops[1])
      if (left === 0) return res.end('arrived')
      res.writeHead(302, { location: `/hops/${left - 1}` })
      return res.end()
    }
    if (url.pathname === '/loop') {
      res.writeHead(307, { location: '/loop' })
      return res.end()
    }
    if (url.pathname === '/file') {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(picture.length) })
      return res.end(picture)
    }
    if (url.pathname === '/declared-too-large') {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '1001' })
      return res.end(new Uint8Array(1001))
    }
    if (url.pathname === '/endless') {
      // No length: 600 bytes at a time for as long as the reader keeps reading.
      res.writeHead(200, { 'content-type': 'video/mp4' })
      const timer = setInterval(() => res.write(new Uint8Array(600)), 5)
      timers.add(timer)
      res.on('close', () => clearInterval(timer))
      return
    }
    if (url.pathname === '/stall') {
      res.writeHead(200, { 'content-type': 'video/mp4' })
      return res.write(new Uint8Array(10))
    }
    if (url.pathname === '/drip') {
      res.writeHead(200, { 'content-type': 'video/mp4' })
      const timer = setInterval(() => res.write(new Uint8Array(1)), 20)
      timers.add(timer)
      res.on('close', () => clearInterval(timer))
      return
    }
    if (url.pathname === '/silent') return
    res.writeHead(404)
    res.end()
  })
  victim = await startLoopbackServer((_req, res) => res.end('secret'))
  victim6 = await startLoopbackServer((_req, res) => res.end('secret'), { host: '::1', port: victim.port }).catch(() => undefined)
})

afterAll(async () => {
  timers.forEach((timer) => clearInterval(timer))
  await Promise.all([host.close(), victim.close(), victim6?.close()])
})

function configFor(upstreamBaseUrl: string): Config {
  return {
    host: '127.0.0.1', port: 4173, upstreamBaseUrl, apiKey: undefined, demo: false, demoPace: 1,
    upstreamTimeoutMs: 400, staticRoot: '/nonexistent', allowedHosts: ['127.0.0.1'], accessToken: undefined,
  }
}

function fetcher(limits: Partial<ResultLimits> = {}) {
  return createResultFetch({ config: configFor(host.url), demo: undefined, limits, resolve: resolver })
}

/** The target, aimed at the victim's port where it names one, so a slip would be seen there. */
function aimed(target: SsrfTarget): string {
  if (target.refusal !== 'not-public') return target.url
  const url = new URL(target.url)
  url.port = String(victim.port)
  return url.href
}

async function refusal(attempt: Promise<Response>): Promise<{ status: number; message: string }> {
  try {
    await attempt
  } catch (error) {
    if (error instanceof ResultRefused) {
      const body: unknown = await error.response.json()
      const message = typeof body === 'object' && body && 'error' in body && typeof body.error === 'object' && body.error && 'message' in body.error ? String(body.error.message) : ''
      return { status: error.response.status, message }
    }
    throw error
  }
  throw new Error('the fetch was not refused')
}

const EXPECTED = {
  'not-public': { status: 403, message: /is not a public address/ },
  'not-http': { status: 400, message: /Only http and https links can be saved/ },
  credentials: { status: 400, message: /user name or password/ },
} as const

describe('the SSRF targets', () => {
  it('are many, and each is listed once', () => {
    expect(SSRF_TARGETS.length).toBeGreaterThanOrEqual(90)
    expect(new Set(SSRF_TARGETS.map((t) => t.url)).size).toBe(SSRF_TARGETS.length)
  })

  it.each(SSRF_TARGETS)('$url ($why) is refused', async (target) => {
    const { status, message } = await refusal(fetcher()(aimed(target), 'http://127.0.0.1:4173/api/save'))
    expect(status).toBe(EXPECTED[target.refusal].status)
    expect(message).toMatch(EXPECTED[target.refusal].message)
  })

  it.each(SSRF_TARGETS)('$url ($why) is refused as the destination of a redirect', async (target) => {
    const start = `${host.url}/redirect?to=${encodeURIComponent(aimed(target))}`
    const { status, message } = await refusal(fetcher()(start, 'http://127.0.0.1:4173/api/save'))
    expect(status).toBe(EXPECTED[target.refusal].status)
    expect(message).toMatch(EXPECTED[target.refusal].message)
  })

  it('never reached the loopback listener they point at', () => {
    expect(victim.requests).toEqual([])
    expect(victim6?.requests ?? []).toEqual([])
  })

  it('asked the stand-in resolver for the names, so the check is on resolved addresses', () => {
    for (const name of testDns.keys()) expect(asked).toContain(name)
  })
})

describe('the guard itself', () => {
  it('lets the trusted host through, and the listener would have answered (the refusals above are real)', async () => {
    const file = await fetcher()(`${host.url}/file`, 'http://127.0.0.1:4173/api/save')
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(picture)
    const trustVictim = createResultFetch({ config: configFor(victim.url), demo: undefined })
    expect(await (await trustVictim(`${victim.url}/`, 'http://127.0.0.1:4173/api/save')).text()).toBe('secret')
    victim.requests.length = 0
  })

  it('a name is looked up once per connection, so a rebinding answer can not slip in between check and connect', async () => {
    rebindAnswers = ['93.184.215.14']
    const before = asked.length
    const answer = await refusal(fetcher()(`http://rebinding.foxwatch.test:${victim.port}/`, 'http://127.0.0.1:4173/api/save'))
    // It tried the public address it was given (no route from here: unreachable or timed out) …
    expect([502, 504]).toContain(answer.status)
    // … asked once, and never made the second lookup that would have said 127.0.0.1.
    expect(asked.slice(before)).toEqual(['rebinding.foxwatch.test'])
    expect(victim.requests).toEqual([])
  })

  it('sends the result host nothing of the person: only its own user agent and accept', async () => {
    const before = host.requests.length
    await (await fetcher()(`${host.url}/file`, 'http://127.0.0.1:4173/api/save')).arrayBuffer()
    const seen = host.requests.slice(before)
    expect(seen).toHaveLength(1)
    expect(Object.keys(seen[0]?.headers ?? {}).sort()).toEqual(['accept', 'connection', 'host', 'user-agent'])
  })
})

describe('redirects', () => {
  it(`follows ${RESULT_LIMITS.redirects} and no more`, async () => {
    const arrived = await fetcher()(`${host.url}/hops/${RESULT_LIMITS.redirects}`, 'http://127.0.0.1:4173/api/save')
    expect(await arrived.text()).toBe('arrived')
    const tooMany = await refusal(fetcher()(`${host.url}/hops/${RESULT_LIMITS.redirects + 1}`, 'http://127.0.0.1:4173/api/save'))
    expect(tooMany).toEqual({ status: 502, message: `The result host redirected more than ${RESULT_LIMITS.redirects} times.` })
  })

  it('gives up on a redirect loop', async () => {
    const before = host.requests.length
    const loop = await refusal(fetcher()(`${host.url}/loop`, 'http://127.0.0.1:4173/api/save'))
    expect(loop.status).toBe(502)
    expect(host.requests.length - before).toBe(RESULT_LIMITS.redirects + 1)
  })

  it.each([301, 302, 303, 307, 308])('a %i to loopback on another port is refused', async (status) => {
    const start = `${host.url}/redirect?status=${status}&to=${encodeURIComponent(`${victim.url}/`)}`
    expect((await refusal(fetcher()(start, 'http://127.0.0.1:4173/api/save'))).status).toBe(403)
    expect(victim.requests).toEqual([])
  })

  it('a redirect to something that is not a link is refused', async () => {
    const start = `${host.url}/redirect?to=${encodeURIComponent('http://[::1')}`
    expect(await refusal(fetcher()(start, 'http://127.0.0.1:4173/api/save'))).toEqual({
      status: 502, message: 'The result host redirected to something that is not a link.',
    })
  })
})

describe('the size cap', () => {
  const limits = { maxBytes: 1000 }

  it('refuses a file that says it is too large before reading it, and a check says so too', async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      expect(await refusal(fetcher(limits)(`${host.url}/declared-too-large`, 'http://127.0.0.1:4173/api/save', method))).toEqual({
        status: 502, message: 'The file is larger than 1000 B, the most foxwatch saves of one result.',
      })
    }
  })

  it('cuts off a file that grows past it without saying its length', async () => {
    const file = await fetcher(limits)(`${host.url}/endless`, 'http://127.0.0.1:4173/api/save')
    const read = file.arrayBuffer()
    await expect(read).rejects.toBeInstanceOf(ResultRefused)
    await expect(read).rejects.toThrow('The file is larger than 1000 B')
  })

  it('saves a file of exactly the cap', async () => {
    const file = await fetcher(limits)(`${host.url}/file`, 'http://127.0.0.1:4173/api/save')
    expect((await file.arrayBuffer()).byteLength).toBe(1000)
  })

  it('is 2 GB by default', () => {
    expect(RESULT_LIMITS.maxBytes).toBe(2 * 1024 ** 3)
  })

  it('is written in a Save all manifest as the reason a file is missing', async () => {
    const saveAll = createSaveAllRoute({ config: configFor(host.url), demo: undefined, limits })
    const plan = { taskId: 'task-cap', files: [{ url: `${host.url}/endless`, name: 'big.mp4' }, { url: `${host.url}/file`, name: 'ok.png' }], derived: [] }
    const form = new FormData()
    form.set('plan', JSON.stringify(plan))
    form.append('text', new Blob(['{}']), 'task.json')
    const response = await saveAll(new Request('http://127.0.0.1:4173/api/save-all', { method: 'POST', body: form, headers: { 'sec-fetch-site': 'same-origin' } }))
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()))
    const manifest: unknown = JSON.parse(new TextDecoder().decode(entries['manifest.json']))
    expect(JSON.stringify(manifest)).toContain('The file is larger than 1000 B')
    expect(entries['ok.png']).toEqual(picture)
  })
})

describe('the time caps', () => {
  it('gives up on a host that never answers', async () => {
    expect(await refusal(fetcher()(`${host.url}/silent`, 'http://127.0.0.1:4173/api/save'))).toEqual({
      status: 504, message: 'The result host did not answer within 1 s.',
    })
  })

  it('cuts off a host that stops sending', async () => {
    const file = await fetcher({ idleMs: 200 })(`${host.url}/stall`, 'http://127.0.0.1:4173/api/save')
    await expect(file.arrayBuffer()).rejects.toThrow('The result host stopped sending for 1 s; the file is incomplete.')
  })

  it('cuts off a host that drips for longer than a file may take', async () => {
    const started = Date.now()
    const file = await fetcher({ idleMs: 1000, totalMs: 500 })(`${host.url}/drip`, 'http://127.0.0.1:4173/api/save')
    await expect(file.arrayBuffer()).rejects.toThrow('The file took longer than 1 s to arrive; it is incomplete.')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('are 30 s idle and 30 min in all by default', () => {
    expect(RESULT_LIMITS).toMatchObject({ idleMs: 30_000, totalMs: 30 * 60_000 })
  })
})
