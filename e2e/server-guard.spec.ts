// The server's guard over real HTTP: every SSRF target refused, directly and behind a redirect
// from the result host; a redirect limit; and a server bound beyond loopback refuses to start
// without an access token of 16 characters or more, then asks every visitor for it.
import { SSRF_TARGETS } from '../server/ssrf-targets'
import { expect, resultHostRequests, test } from './fixtures'
import { OWN_SERVER_PORTS, ownServer, runUntilExit } from './own-server'
import { FAKE_UPSTREAM } from './ports'

/** Targets a real machine can resolve: all but those that only the unit tests' resolver knows. */
const targets = SSRF_TARGETS.filter((target) => !target.dns)

const EXPECTED = {
  'not-public': { status: 403, message: /is not a public address/ },
  'not-http': { status: 400, message: /Only http and https links can be saved/ },
  credentials: { status: 400, message: /user name or password/ },
} as const

const ErrorBody = (body: unknown) =>
  typeof body === 'object' && body && 'error' in body && typeof body.error === 'object' && body.error && 'message' in body.error ? String(body.error.message) : ''

test(`the save route refuses all ${targets.length} SSRF targets a real resolver can reach, directly and behind a redirect`, async ({ request }) => {
  const wrong: string[] = []
  for (const target of targets) {
    for (const [how, link] of [['directly', target.url], ['after a redirect', `${FAKE_UPSTREAM}/files/redirect?to=${encodeURIComponent(target.url)}`]] as const) {
      for (const route of ['/api/save', '/api/file']) {
        const response = await request.get(`${route}?url=${encodeURIComponent(link)}&name=x.png`)
        const message = ErrorBody(await response.json().catch(() => null))
        const expected = EXPECTED[target.refusal]
        if (response.status() !== expected.status || !expected.message.test(message)) {
          wrong.push(`${route} ${how}: ${target.url} (${target.why}) answered ${response.status()} "${message}"`)
        }
      }
    }
  }
  expect(wrong).toEqual([])
  // Each redirect was asked of the result host, so the refusals above came after a real hop.
  const redirects = (await resultHostRequests()).filter((r) => r.path === '/files/redirect')
  expect(redirects.length).toBeGreaterThanOrEqual(targets.length * 2)
})

test('the save route follows five redirects and no more', async ({ request }) => {
  const through = (hops: number, end: string) => {
    let link = end
    for (let n = 0; n < hops; n++) link = `${FAKE_UPSTREAM}/files/redirect?to=${encodeURIComponent(link)}`
    return link
  }
  const file = `${FAKE_UPSTREAM}/files/redirected-${Date.now()}.png`
  const five = await request.get(`/api/save?url=${encodeURIComponent(through(5, file))}&name=x.png`)
  expect(five.status()).toBe(200)
  expect((await five.body()).subarray(1, 4).toString()).toBe('PNG')
  const six = await request.get(`/api/save?url=${encodeURIComponent(through(6, file))}&name=x.png`)
  expect(six.status()).toBe(502)
  expect(ErrorBody(await six.json())).toBe('The result host redirected more than 5 times.')
})

const TOKEN = 'e2e-access-token-0123456789'

for (const [name, env] of [
  ['with a server key', { FOXAPI_API_KEY: 'sk-server-start-refusal' }],
  ['with no server key', {}],
] as const) {
  test(`bound beyond loopback ${name} and no access token, the server refuses to start and says how to make one`, async () => {
    const { code, output } = await runUntilExit({ PORT: String(OWN_SERVER_PORTS.startRefusal), HOST: '0.0.0.0', FOXAPI_BASE_URL: FAKE_UPSTREAM, ...env })
    expect(code).toBe(1)
    expect(output).toContain('HOST=0.0.0.0 lets other machines in, so set FOXWATCH_ACCESS_TOKEN to a secret of at least 16 characters')
    expect(output).toContain(`Make one with: node -e "console.log(require('crypto').randomBytes(24).toString('base64url'))"`)
    expect(output).not.toContain('sk-server-start-refusal')
    expect(output).not.toContain('foxwatch is running at')
  })
}

test('an access token shorter than 16 characters is refused, and not printed', async () => {
  const { code, output } = await runUntilExit({
    PORT: String(OWN_SERVER_PORTS.startRefusal), HOST: '0.0.0.0', FOXWATCH_ACCESS_TOKEN: 'open-sesame', FOXAPI_BASE_URL: FAKE_UPSTREAM,
  })
  expect(code).toBe(1)
  expect(output).toContain('FOXWATCH_ACCESS_TOKEN is 11 characters long; it must be at least 16')
  expect(output).not.toContain('open-sesame')
})

test('with an access token, it starts and asks every visitor for it, slowing down one who keeps guessing', async () => {
  const server = ownServer(OWN_SERVER_PORTS.startRefusal, { HOST: '0.0.0.0', FOXAPI_API_KEY: 'sk-server-token', FOXWATCH_ACCESS_TOKEN: TOKEN })
  await server.start()
  try {
    const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`me:${password}`).toString('base64')}` })
    for (const path of ['/', '/api/config', '/api/tasks/fake-ok-token1', '/api/save?url=x', '/demo/files/image-1.png']) {
      const without = await fetch(`${server.url}${path}`)
      expect(without.status, path).toBe(401)
      expect(without.headers.get('www-authenticate'), path).toContain('Basic realm="foxwatch"')
    }
    const config = await fetch(`${server.url}/api/config`, { headers: basic(TOKEN) })
    expect(config.status).toBe(200)
    expect(await config.json()).toMatchObject({ serverKey: true })
    const page = await fetch(`${server.url}/tasks/demo-image`, { headers: basic(TOKEN) })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    // Five wrong guesses are answered; the sixth sets a wait, during which not even the right token is looked at.
    for (let n = 0; n < 6; n++) expect((await fetch(`${server.url}/api/config`, { headers: basic(`wrong-${n}`) })).status).toBe(401)
    const held = await fetch(`${server.url}/api/config`, { headers: basic(TOKEN) })
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('1')
    expect(server.output()).not.toContain('sk-server-token')
    expect(server.output()).not.toContain(TOKEN)
  } finally {
    await server.kill()
  }
})
