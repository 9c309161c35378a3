import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { accessGuard } from './access-guard.ts'
import { readConfig } from './config.ts'

function appWith(env: Record<string, string>) {
  const config = readConfig(env, '/nonexistent')
  const app = new Hono()
  app.use('*', accessGuard(config))
  app.get('*', (c) => c.text('ok'))
  return app
}

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
    const shared = appWith({ HOST: 'watch.internal', FOXWATCH_ALLOWED_HOSTS: 'foxwatch.example.com, other.example' })
    for (const host of ['foxwatch.example.com', 'other.example:8080', 'watch.internal:4173']) {
      expect((await shared.request('/', { headers: { host } })).status, host).toBe(200)
    }
  })
})

describe('beyond loopback with a server key', () => {
  it('refuses to start without an access token', () => {
    expect(() => readConfig({ HOST: '0.0.0.0', FOXAPI_API_KEY: 'sk-server' }, '/x')).toThrow(/FOXWATCH_ACCESS_TOKEN/)
    expect(() => readConfig({ HOST: '127.0.0.1', FOXAPI_API_KEY: 'sk-server' }, '/x')).not.toThrow()
    expect(() => readConfig({ HOST: '0.0.0.0' }, '/x')).not.toThrow()
  })

  it('then requires the token from every visitor', async () => {
    const app = appWith({ HOST: '0.0.0.0', FOXAPI_API_KEY: 'sk-server', FOXWATCH_ACCESS_TOKEN: 'open-sesame', FOXWATCH_ALLOWED_HOSTS: 'box.lan' })
    const without = await app.request('/', { headers: { host: 'box.lan' } })
    expect(without.status).toBe(401)
    expect(without.headers.get('www-authenticate')).toContain('Basic')
    expect((await app.request('/', { headers: { host: 'box.lan', authorization: basic('me', 'wrong') } })).status).toBe(401)
    expect((await app.request('/', { headers: { host: 'box.lan', authorization: basic('me', 'open-sesame') } })).status).toBe(200)
    expect((await app.request('/', { headers: { host: 'box.lan', authorization: basic('', 'open-sesame') } })).status).toBe(200)
  })
})
