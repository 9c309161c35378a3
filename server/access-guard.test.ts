import { once } from 'node:events'
import { request as httpRequest } from 'node:http'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { accessGuard, addressKey, createThrottle, FORGET_MS, FREE_GUESSES, LONGEST_WAIT_MS } from './access-guard.ts'
import { readConfig } from './config.ts'

function appWith(env: Record<string, string>) {
  const config = readConfig(env, '/nonexistent')
  const app = new Hono()
  app.use('*', accessGuard(config))
  app.get('*', (c) => c.text('ok'))
  return app
}

const TOKEN = 'a-token-of-16-ch'

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describe('host names (DNS rebinding)', () => {
  const app = appWith({})

  it.each(['127.0.0.1:4173', 'localhost:4173', '[::1]:4173', 'LOCALHOST'])('answers to %s', async (host) => {
    expect((await app.request('/', { headers: { host } })).status).toBe(200)
  })

  it.each(['evil.example', 'evil.example:4173', '127.0.0.1.evil.example', '', 'localhost.attacker.test:80'])('refuses %j', async (host) => {
    const response = await app.request('/', { headers: { host } })
    expect(response.status).toBe(421)
    expect(await response.text()).toContain('FOXWATCH_ALLOWED_HOSTS')
  })

  it('answers to names added in FOXWATCH_ALLOWED_HOSTS and to the bound name', async () => {
    const shared = appWith({ HOST: 'watch.internal', FOXWATCH_ACCESS_TOKEN: TOKEN, FOXWATCH_ALLOWED_HOSTS: 'foxwatch.example.com, other.example' })
    for (const host of ['foxwatch.example.com', 'other.example:8080', 'watch.internal:4173']) {
      expect((await shared.request('/', { headers: { host, authorization: basic('me', TOKEN) } })).status, host).toBe(200)
    }
  })
})

describe('beyond loopback', () => {
  it('requires the token from every visitor', async () => {
    const app = appWith({ HOST: '0.0.0.0', FOXAPI_API_KEY: 'sk-server', FOXWATCH_ACCESS_TOKEN: TOKEN, FOXWATCH_ALLOWED_HOSTS: 'box.lan' })
    const without = await app.request('/', { headers: { host: 'box.lan' } })
    expect(without.status).toBe(401)
    expect(without.headers.get('www-authenticate')).toContain('Basic')
    expect((await app.request('/', { headers: { host: 'box.lan', authorization: basic('me', 'wrong') } })).status).toBe(401)
    expect((await app.request('/', { headers: { host: 'box.lan', authorization: basic('me', TOKEN) } })).status).toBe(200)
    expect((await app.request('/', { headers: { host: 'box.lan', authorization: basic('', TOKEN) } })).status).toBe(200)
  })
})

/** The guard behind a real HTTP server on loopback, on a clock the test steps. */
async function guardedServer() {
  let time = 1_000_000
  const config = readConfig({ HOST: '0.0.0.0', FOXWATCH_ACCESS_TOKEN: TOKEN, FOXWATCH_ALLOWED_HOSTS: 'box.lan' }, '/nonexistent')
  const app = new Hono()
  app.use('*', accessGuard(config, { now: () => time }))
  app.get('*', (c) => c.text('ok'))
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
  if (!server.listening) await once(server, 'listening')
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('the guarded server has no port')
  servers.push(server)
  return {
    /** One GET from the loopback address `from` (all of 127/8 is this machine), with `password` if given. */
    get: (from: string, password?: string) => new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
      const headers: Record<string, string> = { host: 'box.lan', ...(password === undefined ? {} : { authorization: basic('me', password) }) }
      const req = httpRequest({ host: '127.0.0.1', port: address.port, path: '/', localAddress: from, headers, agent: false }, (res) => {
        res.resume()
        const retryAfter = res.headers['retry-after']
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter }))
      })
      req.on('error', reject)
      req.end()
    }),
    advance: (ms: number) => {
      time += ms
    },
  }
}

const servers: Array<ReturnType<typeof serve>> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

describe('wrong tokens, over real HTTP', () => {
  it(`lets an address guess ${FREE_GUESSES} times, then answers 429 without looking at the token, the wait doubling up to ${LONGEST_WAIT_MS / 60_000} minutes`, async () => {
    const { get, advance } = await guardedServer()
    for (let n = 0; n < FREE_GUESSES; n++) expect((await get('127.0.0.2', `wrong-${n}`)).status).toBe(401)
    const waits: Array<string | undefined> = []
    for (let n = 0; n < 11; n++) {
      expect((await get('127.0.0.2', `wrong-again-${n}`)).status).toBe(401)
      // Even the right token is not looked at while the address waits.
      const held = await get('127.0.0.2', TOKEN)
      expect(held.status).toBe(429)
      waits.push(held.retryAfter)
      advance(Number(held.retryAfter) * 1000)
    }
    expect(waits).toEqual(['1', '2', '4', '8', '16', '32', '64', '128', '256', '300', '300'])
  })

  it('says how long is left, and lets the right token in once the wait is over, which starts the count afresh', async () => {
    const { get, advance } = await guardedServer()
    for (let n = 0; n < FREE_GUESSES; n++) await get('127.0.0.2', 'wrong')
    for (const wait of [1000, 2000]) {
      expect((await get('127.0.0.2', 'wrong')).status).toBe(401)
      advance(wait)
    }
    // The third past the free ones: a wait of 4 s.
    expect((await get('127.0.0.2', 'wrong')).status).toBe(401)
    advance(2500)
    expect(await get('127.0.0.2', TOKEN)).toEqual({ status: 429, retryAfter: '2' })
    advance(1500)
    expect((await get('127.0.0.2', TOKEN)).status).toBe(200)
    for (let n = 0; n < FREE_GUESSES; n++) expect((await get('127.0.0.2', 'wrong')).status).toBe(401)
    expect((await get('127.0.0.2', 'wrong')).status).toBe(401)
    expect((await get('127.0.0.2', TOKEN)).status).toBe(429)
  })

  it('keeps addresses apart: one guessing does not hold back another', async () => {
    const { get } = await guardedServer()
    for (let n = 0; n <= FREE_GUESSES; n++) await get('127.0.0.2', 'wrong')
    expect((await get('127.0.0.2', TOKEN)).status).toBe(429)
    expect((await get('127.0.0.3', TOKEN)).status).toBe(200)
    expect((await get('127.0.0.3', 'wrong')).status).toBe(401)
  })

  it('does not count a visit with no credentials as a guess', async () => {
    const { get } = await guardedServer()
    for (let n = 0; n < 3 * FREE_GUESSES; n++) expect((await get('127.0.0.2')).status).toBe(401)
    expect((await get('127.0.0.2', TOKEN)).status).toBe(200)
  })

  it(`forgets an address quiet for ${FORGET_MS / 60_000} minutes`, async () => {
    const { get, advance } = await guardedServer()
    for (let n = 0; n < FREE_GUESSES; n++) await get('127.0.0.2', 'wrong')
    advance(FORGET_MS + 1)
    for (let n = 0; n < FREE_GUESSES; n++) expect((await get('127.0.0.2', 'wrong')).status).toBe(401)
    expect((await get('127.0.0.2', TOKEN)).status).toBe(200)
  })
})

describe('the throttle', () => {
  it('counts every in-process caller (no socket) as one address: stricter, not looser', async () => {
    const app = appWith({ FOXWATCH_ACCESS_TOKEN: TOKEN })
    const ask = (password: string) => app.request('/', { headers: { host: 'localhost', authorization: basic('me', password) } })
    for (let n = 0; n <= FREE_GUESSES; n++) expect((await ask('wrong')).status).toBe(401)
    const held = await ask(TOKEN)
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('1')
    expect(await held.json()).toMatchObject({ error: { type: 'rate_limit_error' } })
  })

  it('remembers at most its bound of addresses, forgetting the least recently wrong', () => {
    let time = 0
    const throttle = createThrottle(() => time, 3)
    for (const address of ['a', 'b', 'c', 'd', 'e']) {
      for (let n = 0; n <= FREE_GUESSES; n++) throttle.failed(address)
      time += 1
    }
    expect(throttle.size()).toBe(3)
    expect(['a', 'b', 'c', 'd', 'e'].map((address) => throttle.waitFor(address) > 0)).toEqual([false, false, true, true, true])
  })

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('counts %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key)
  })
})
