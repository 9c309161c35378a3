// The server's own routes over real HTTP: what it refuses, and what it never lets out.
import { readdirSync } from 'node:fs'
import { expect, test } from './fixtures'
import { E2E_PORT } from './ports'

const refused = [
  { url: 'http://127.0.0.1:9/secret', why: 'loopback' },
  { url: 'http://169.254.169.254/latest/meta-data/', why: 'link-local (cloud metadata)' },
  { url: 'http://10.1.2.3/x.png', why: 'private' },
  { url: `http://[::1]:${E2E_PORT}/api/config`, why: 'IPv6 loopback' },
  { url: 'http://[::ffff:127.0.0.1]/x', why: 'IPv4-mapped loopback' },
  { url: 'http://2130706433/x', why: 'decimal loopback' },
  { url: `http://localhost:${E2E_PORT}/api/config`, why: 'a name resolving to loopback' },
]

for (const { url, why } of refused) {
  test(`save refuses ${why}: ${url}`, async ({ request }) => {
    const response = await request.get(`/api/save?url=${encodeURIComponent(url)}&name=x.png`)
    expect(response.status()).toBe(403)
    expect((await response.json()).error.message).toMatch(/not a public address/)
  })
}

test('save refuses schemes other than http(s)', async ({ request }) => {
  for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'javascript:alert(1)', 'data:text/plain,hi']) {
    const response = await request.get(`/api/save?url=${encodeURIComponent(url)}`)
    expect(response.status(), url).toBe(400)
  }
})

test('the task route is GET only', async ({ request }) => {
  const response = await request.post('/api/tasks/demo-image-post1')
  expect(response.status()).toBe(405)
})

test('any /tasks/<id> path serves the page', async ({ request }) => {
  const response = await request.get('/tasks/task-unified-1757165031-uyujaw3d')
  expect(response.status()).toBe(200)
  expect(await response.text()).toContain('<div id="root">')
})

test('a demo result saves under a sensible name', async ({ request }) => {
  await request.get('/api/tasks/demo-image-name1')
  const file = `http://127.0.0.1:${E2E_PORT}/demo/files/image-1.png`
  const response = await request.get(`/api/save?url=${encodeURIComponent(file)}&name=demo-image-name1-1.png`)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-disposition']).toContain('filename="demo-image-name1-1.png"')
  expect(response.headers()['content-type']).toBe('image/png')
  expect((await response.body()).subarray(1, 4).toString()).toBe('PNG')
})

test('a result file is served inline, same-origin, only when it is media', async ({ request }) => {
  const image = await request.get(`/api/file?url=${encodeURIComponent(`http://127.0.0.1:${E2E_PORT}/demo/files/image-1.png`)}`)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-disposition']).toMatch(/^inline/)
  expect(image.headers()['content-security-policy']).toContain('sandbox')
  const json = await request.get(`/api/file?url=${encodeURIComponent(`http://127.0.0.1:${E2E_PORT}/demo/files/transcript.json`)}`)
  expect(json.status()).toBe(415)
})

test('save all refuses a form posted from another site', async ({ request }) => {
  const plan = JSON.stringify({ taskId: 'x', task: '{}', files: [], derived: [] })
  const crossSite = await request.post('/api/save-all', { multipart: { plan }, headers: { 'sec-fetch-site': 'cross-site' } })
  expect(crossSite.status()).toBe(403)
  const foreignOrigin = await request.post('/api/save-all', { multipart: { plan }, headers: { origin: 'https://evil.example' } })
  expect(foreignOrigin.status()).toBe(403)
  const broken = await request.post('/api/save-all', { multipart: { plan: '{"taskId":' } })
  expect(broken.status()).toBe(400)
})

test('the page is served with a Content-Security-Policy and the usual security headers', async ({ request }) => {
  const response = await request.get('/tasks/demo-image-headers1')
  const headers = response.headers()
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect(headers['x-frame-options']).toBe('DENY')
})

test('a request addressed to another host name is refused (DNS rebinding)', async () => {
  const { request } = await import('node:http')
  const status = await new Promise<number | undefined>((resolve, reject) => {
    request({ host: '127.0.0.1', port: E2E_PORT, path: '/api/config', headers: { host: 'rebound.attacker.test' } }, (response) => {
      response.resume()
      resolve(response.statusCode)
    }).on('error', reject).end()
  })
  expect(status).toBe(421)
})

test('the page ships no source maps: none built, none pointed to, none served', async ({ request }) => {
  // The folder playwright.config.ts builds this run's page into, and the server serves whole.
  const built = readdirSync(`node_modules/.cache/foxwatch-e2e-${E2E_PORT}`, { recursive: true, encoding: 'utf8' })
  expect(built.some((name) => name.endsWith('.js'))).toBe(true)
  expect(built.filter((name) => name.endsWith('.map'))).toEqual([])
  const html = await (await request.get('/')).text()
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '')
  expect(assets.length).toBeGreaterThan(0)
  for (const asset of assets) {
    expect(await (await request.get(asset)).text(), asset).not.toContain('sourceMappingURL')
    const map = await request.get(`${asset}.map`)
    expect(map.status(), `${asset}.map`).toBe(404)
    expect(await map.text(), `${asset}.map`).not.toContain('"mappings"')
  }
})
