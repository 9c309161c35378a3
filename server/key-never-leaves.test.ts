// The API key goes to foxapi, in one header, and nowhere else: not to a result host, not into a
// URL, not into anything the server prints, not into any answer, on every path that can fail.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { createApp } from './app.ts'
import type { Config } from './config.ts'
import { startLoopbackServer, type LoopbackServer } from './loopback-server.ts'
import { REDACTED_KEY } from './redact-key.ts'

const CANARY = 'sk-SECRET-canary-123'
const picture = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])

/** Stands in for foxapi and its result host at once, and misbehaves by task ID. */
let foxapi: LoopbackServer
let closedPort: number

beforeAll(async () => {
  foxapi = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const id = decodeURIComponent(/^\/v1\/tasks\/([^/]+)$/.exec(url.pathname)?.[1] ?? '')
    const auth = req.headers.authorization ?? ''
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(body))
    }
    if (url.pathname.startsWith('/files/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(picture.length) })
      return res.end(picture)
    }
    if (url.pathname === '/bounce') {
      res.writeHead(302, { location: `${foxapi.url}/files/after-bounce.png` })
      return res.end()
    }
    const bearer = auth.replace(/^Bearer /, '')
    switch (id) {
      case 'task-ok':
        return json(200, {
          id, object: 'image.generation.task', type: 'image', model: 'm', status: 'completed', progress: 100, created: 1,
          results: [{ url: `${foxapi.url}/files/${id}.png`, content_type: 'image/png' }], error: null,
        })
      case 'task-echo-401':
        // As some APIs do: the refused key, quoted back.
        return json(401, { error: { message: `Incorrect API key provided: ${bearer}.`, type: 'authentication_error' } })
      case 'task-echo-500':
        res.writeHead(500, { 'content-type': 'text/html', 'x-debug-auth': auth })
        return res.end(`<h1>500</h1><pre>Authorization: ${auth}</pre>`)
      case 'task-echo-json':
        return json(200, { id, status: 'failed', error: { message: `key ${JSON.stringify(bearer).slice(1, -1)} has no access`, code: 'x' } })
      case 'task-echo-headers':
        // Every header foxapi might echo the key in: the proxy passes on none it does not understand.
        return json(429, { error: { message: 'slow down', type: 'rate_limit_error' } }, {
          'retry-after': bearer, 'x-echo': bearer, 'www-authenticate': `Bearer ${bearer}`, 'set-cookie': `k=${bearer}`, link: `<https://x.test/${bearer}>`,
        })
      case 'task-429':
        return json(429, { error: { message: 'slow down', type: 'rate_limit_error' } }, { 'retry-after': '3' })
      case 'task-hang':
        return
      case 'task-huge':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) })
        return res.write('{"id":')
      case 'task-reset':
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"id":"task-re')
        return setTimeout(() => res.socket?.destroy(), 10)
      case 'task-redirect':
        res.writeHead(302, { location: `${foxapi.url}/v1/tasks/task-ok` })
        return res.end()
      default:
        return json(404, { error: { message: 'Task not found', type: 'not_found' } })
    }
  })
  const closed = await startLoopbackServer(() => undefined)
  closedPort = closed.port
  await closed.close()
})

afterAll(() => foxapi.close())

function configWith(overrides: Partial<Config> = {}): Config {
  return {
    host: '127.0.0.1', port: 4173, upstreamBaseUrl: foxapi.url, apiKey: undefined, demo: true, demoPace: 50,
    upstreamTimeoutMs: 300, staticRoot: '/nonexistent', allowedHosts: ['127.0.0.1', 'localhost', '[::1]'], accessToken: undefined,
    ...overrides,
  }
}

type Call = { method?: string; path: string; headers?: Record<string, string>; body?: BodyInit }

/** Every route, and every way a task query or a save can fail. */
function everyPath(): Call[] {
  const plan = (files: Array<{ url: string; name: string }>) => {
    const form = new FormData()
    form.set('plan', JSON.stringify({ taskId: 'task-ok', files, derived: [] }))
    form.append('text', new Blob(['{}']), 'task.json')
    return form
  }
  const tasks = ['task-ok', 'task-echo-401', 'task-echo-headers', 'task-echo-500', 'task-echo-json', 'task-429', 'task-hang', 'task-huge', 'task-reset', 'task-redirect',
    'task-missing', '..', 'x'.repeat(600), 'demo-image-canary', '../../v1/tasks/task-ok']
  const links = [`${foxapi.url}/files/a.png`, `${foxapi.url}/bounce`, `${foxapi.url}/files/gone`, 'http://127.0.0.1:9/x', 'http://localhost/', 'file:///etc/passwd',
    'http://user:pass@example.com/', 'not a link']
  return [
    ...tasks.map((id) => ({ path: `/api/tasks/${encodeURIComponent(id)}` })),
    { path: '/api/tasks/task-ok?sync_upstream=true' },
    { method: 'POST', path: '/api/tasks/task-ok' },
    { method: 'DELETE', path: '/api/tasks/task-ok' },
    ...links.flatMap((link) => [
      { path: `/api/save?url=${encodeURIComponent(link)}&name=x.png` },
      { path: `/api/save?check=1&url=${encodeURIComponent(link)}` },
      { path: `/api/file?url=${encodeURIComponent(link)}` },
    ]),
    { method: 'POST', path: '/api/save-all', body: plan(links.map((url, n) => ({ url, name: `f${n}.png` }))), headers: { 'sec-fetch-site': 'same-origin' } },
    { method: 'POST', path: '/api/save-all', body: plan([]), headers: { 'sec-fetch-site': 'cross-site' } },
    { method: 'POST', path: '/api/save-all', body: 'plan=%7B', headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' } },
    { method: 'POST', path: '/api/save-all', body: '--b\r\ncontent-disposition: form-data; name="plan"\r\n\r\n{\r\n--b--', headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'multipart/form-data; boundary=b' } },
    { path: '/api/config' },
    { path: '/api/no-such-route' },
    { path: '/' },
    { path: '/tasks/task-ok' },
    { path: '/demo/files/no-such-file.png' },
    { path: '/api/config', headers: { host: 'rebound.attacker.test' } },
  ]
}

let output: string[]
let spies: MockInstance[]

beforeEach(() => {
  output = []
  const record = (...args: unknown[]) => {
    output.push(args.map((a) => (a instanceof Error ? `${a.stack ?? ''} ${String(a.cause ?? '')}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))
  }
  spies = [
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((name) => vi.spyOn(console, name).mockImplementation(record)),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (record(String(chunk)), true)),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (record(String(chunk)), true)),
  ]
})

afterEach(() => spies.forEach((spy) => spy.mockRestore()))

/** Sends every call and returns what came back, whole: status, headers and body text. */
async function sendAll(config: Config, headers: Record<string, string>) {
  const app = createApp({ config })
  const answers: Array<{ call: string; status: number; text: string }> = []
  for (const call of everyPath()) {
    const response = await app.request(`http://127.0.0.1:4173${call.path}`, {
      method: call.method ?? 'GET',
      headers: { host: '127.0.0.1:4173', ...headers, ...call.headers },
      ...(call.body === undefined ? {} : { body: call.body }),
    })
    const body = await response.text().catch((error: unknown) => `(body broke off: ${String(error)})`)
    answers.push({ call: `${call.method ?? 'GET'} ${call.path}${call.headers?.host ? ` (Host: ${call.headers.host})` : ''}`, status: response.status, text: `${JSON.stringify([...response.headers])}\n${body}` })
  }
  return answers
}

function expectNoCanaryOutside(answers: Array<{ call: string; text: string }>) {
  for (const answer of answers) expect(answer.text, answer.call).not.toContain(CANARY)
  expect(output.filter((line) => line.includes(CANARY))).toEqual([])
  for (const seen of foxapi.requests) {
    expect(seen.path, seen.path).not.toContain(CANARY)
    for (const [name, value] of Object.entries(seen.headers)) {
      if (name === 'authorization' && seen.path.startsWith('/v1/tasks/')) continue
      expect(String(value), `${name} on ${seen.path}`).not.toContain(CANARY)
    }
  }
}

it('the capture sees everything printed, or its silence would prove nothing', () => {
  console.error(new Error('probe-error', { cause: 'probe-cause' }))
  console.log('probe-log')
  process.stderr.write('probe-stderr')
  expect(output.join('\n')).toMatch(/probe-error[\s\S]*probe-cause[\s\S]*probe-log[\s\S]*probe-stderr/)
})

describe('a key typed into the page (sent in X-Foxapi-Key)', () => {
  it('reaches foxapi as a bearer token and appears in no answer, no log line, no URL and no result-host request', async () => {
    foxapi.requests.length = 0
    const answers = await sendAll(configWith(), { 'x-foxapi-key': CANARY, cookie: `session=${CANARY}` })
    const taskQueries = foxapi.requests.filter((r) => r.path.startsWith('/v1/tasks/'))
    // The key did go where it belongs, or the rest would prove nothing.
    expect(taskQueries.length).toBeGreaterThanOrEqual(8)
    for (const query of taskQueries) expect(query.headers.authorization).toBe(`Bearer ${CANARY}`)
    expect(foxapi.requests.filter((r) => r.path.startsWith('/files/')).length).toBeGreaterThanOrEqual(3)
    expectNoCanaryOutside(answers)
  })

  it("foxapi's error quoting the key reaches the page with the key taken out", async () => {
    const answers = await sendAll(configWith(), { 'x-foxapi-key': CANARY })
    const echoed = answers.find((a) => a.call.endsWith('/task-echo-401'))
    expect(echoed?.status).toBe(401)
    expect(echoed?.text).toContain(`Incorrect API key provided: ${REDACTED_KEY}.`)
    expect(answers.find((a) => a.call.endsWith('/task-echo-json'))?.text).toContain(`key ${REDACTED_KEY} has no access`)
  })

  it('nor when foxapi cannot be reached at all', async () => {
    const answers = await sendAll(configWith({ upstreamBaseUrl: `http://127.0.0.1:${closedPort}` }), { 'x-foxapi-key': CANARY })
    expect(answers.find((a) => a.call.endsWith('/task-ok'))?.status).toBe(502)
    expectNoCanaryOutside(answers)
  })
})

describe('a short or common key', () => {
  /** Every string value with the key replaced, as the proxy must do it: field names and numbers untouched. */
  const redacted = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return value.replaceAll(key, REDACTED_KEY)
    if (Array.isArray(value)) return value.map((item) => redacted(item, key))
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redacted(item, key)]))
    return value
  }

  it.each(['1', 'e', 'status', 'sk', '"', '\\', '1757165031'])('%j is taken out of string values once, and the answer stays the same JSON', async (key) => {
    const app = createApp({ config: configWith() })
    for (const id of ['task-ok', 'task-echo-json', 'task-echo-401']) {
      const original: unknown = await (await fetch(`${foxapi.url}/v1/tasks/${id}`, { headers: { authorization: `Bearer ${key}` } })).json()
      const response = await app.request(`http://127.0.0.1:4173/api/tasks/${id}`, { headers: { host: '127.0.0.1:4173', 'x-foxapi-key': key } })
      const text = await response.text()
      expect(() => JSON.parse(text), `${id} with key ${key}`).not.toThrow()
      expect(JSON.parse(text), `${id} with key ${key}`).toEqual(redacted(original, key))
    }
  })
})

describe('a server key (FOXAPI_API_KEY)', () => {
  it('reaches foxapi and no visitor: not in /api/config, not in any answer or log line', async () => {
    foxapi.requests.length = 0
    const answers = await sendAll(configWith({ apiKey: CANARY }), {})
    expect(foxapi.requests.some((r) => r.headers.authorization === `Bearer ${CANARY}`)).toBe(true)
    expect(answers.find((a) => a.call === 'GET /api/config')?.text).toContain('"serverKey":true')
    expectNoCanaryOutside(answers)
  })

  it('bound beyond loopback, stays behind the access token', async () => {
    const answers = await sendAll(configWith({ host: '0.0.0.0', apiKey: CANARY, accessToken: 'open-sesame' }), {})
    for (const answer of answers) expect(answer.status, answer.call).toBe(answer.call.includes('rebound') ? 421 : 401)
    expectNoCanaryOutside(answers)
  })
})
