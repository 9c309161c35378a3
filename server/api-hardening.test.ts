// The server's /api/ routes over real HTTP on loopback, against the ways an outside probe got in:
// nothing served as code, bodies and memory bounded, HEAD answered without a download left open.
import { once } from 'node:events'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_ARCHIVE_DEPTH, MAX_ARCHIVE_NAME, MAX_SAVE_DERIVED, MAX_SAVE_PLAN_BYTES } from '../src/contract/archive-names.ts'
import { createApp } from './app.ts'
import type { Config } from './config.ts'
import { startLoopbackServer, type LoopbackServer } from './loopback-server.ts'
import { createMemoryBudget, type MemoryBudget } from './memory-budget.ts'
import { formParts, NotMultipart } from './save-all.ts'
import { createTaskProxy } from './task-proxy.ts'

const KEY = 'sk-hardening-0123456789'
const MB = 1024 * 1024

/** foxapi and its result host in one: tasks by ID, files by type, and a download that never ends. */
let foxapi: LoopbackServer
/** Resolves when the never-ending download's connection closes. */
let slowClosed: Promise<void> = Promise.resolve()
let app: ServerType
let base: string

const FILES: Record<string, { type: string; body: string }> = {
  'x.js': { type: 'text/javascript', body: 'alert(document.domain)' },
  'x.mjs': { type: 'application/javascript; charset=utf-8', body: 'export default 1' },
  'x.css': { type: 'text/css', body: 'body{color:red}' },
  'x.html': { type: 'text/html', body: '<script>alert(1)</script>' },
  'x.svg': { type: 'image/svg+xml', body: '<svg onload="alert(1)"/>' },
  'x.xml': { type: 'application/xhtml+xml', body: '<html/>' },
  'x.wasm': { type: 'application/wasm', body: 'wasm' },
  'x.png': { type: 'image/png', body: 'png' },
  'x.mp4': { type: 'video/mp4', body: 'mp4' },
}

beforeAll(async () => {
  foxapi = await startLoopbackServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const file = FILES[url.pathname.replace('/files/', '')]
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'content-length': String(Buffer.byteLength(file.body)) })
      return res.end(file.body)
    }
    if (url.pathname === '/files/slow') {
      slowClosed = new Promise((resolve) => res.on('close', () => resolve()))
      res.writeHead(200, { 'content-type': 'video/mp4' })
      // A byte now and then, forever: only the server hanging up ends it.
      res.write('x')
      const timer = setInterval(() => res.write('x'), 200)
      return res.on('close', () => clearInterval(timer))
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ id: 'task-ok', status: 'processing', progress: 10, created: 1, results: null }))
  })
  const config: Config = {
    host: '127.0.0.1', port: 0, upstreamBaseUrl: foxapi.url, apiKey: KEY, demo: true, demoPace: 1, upstreamTimeoutMs: 5000,
    staticRoot: '/nonexistent', allowedHosts: ['127.0.0.1'], accessToken: undefined,
  }
  app = serve({ fetch: createApp({ config }).fetch, hostname: '127.0.0.1', port: 0 })
  await once(app, 'listening')
  base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => app.close(resolve))
  await foxapi.close()
})

/** A Save all form, as the page sends it: multipart, the plan in one field, then task.json and each derived text. */
function formOf(plan: string, texts: readonly string[] = ['{}']): FormData {
  const form = new FormData()
  form.set('plan', plan)
  texts.forEach((text, n) => form.append('text', new Blob([text]), `text-${n}`))
  return form
}

const fileUrl = (name: string) => `${foxapi.url}/files/${name}`
const saveUrl = (name: string) => `/api/save?url=${encodeURIComponent(fileUrl(name))}&name=${name}`

describe('nothing under /api/ runs as a page, script, style or worker', () => {
  it.each([
    ['GET', () => '/api/config'],
    ['GET', () => '/api/tasks/task-ok'],
    ['GET', () => `/api/tasks/${'x'.repeat(600)}`],
    ['GET', () => '/api/tasks/demo-image-hardening'],
    ['GET', () => saveUrl('x.png')],
    ['GET', () => saveUrl('x.html')],
    ['GET', () => `/api/file?url=${encodeURIComponent(fileUrl('x.png'))}`],
    ['GET', () => `/api/file?url=${encodeURIComponent(fileUrl('x.html'))}`],
    ['GET', () => '/api/save?url=javascript:alert(1)'],
    ['GET', () => '/api/no-such-route'],
    ['POST', () => '/api/tasks/task-ok'],
    ['POST', () => '/api/save-all'],
  ])('%s %s carries a policy that lets nothing run', async (method, path) => {
    const response = await fetch(`${base}${path()}`, { method })
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; sandbox(;|$)/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    await response.body?.cancel()
  })

  it.each(['script', 'style', 'worker', 'sharedworker', 'serviceworker', 'audioworklet', 'paintworklet', 'xslt', 'embed', 'object'])(
    'refuses a request whose Sec-Fetch-Dest is %s, on every route',
    async (destination) => {
      for (const path of [saveUrl('x.js'), `/api/file?url=${encodeURIComponent(fileUrl('x.png'))}`, '/api/tasks/task-ok', '/api/config']) {
        const response = await fetch(`${base}${path}`, { headers: { 'sec-fetch-dest': destination } })
        expect(response.status, path).toBe(403)
        expect(response.headers.get('content-type')).toBe('application/json')
        expect(await response.text()).toContain(`never a ${destination}`)
      }
    },
  )

  it('still serves media to the page itself', async () => {
    const response = await fetch(`${base}/api/file?url=${encodeURIComponent(fileUrl('x.png'))}`, { headers: { 'sec-fetch-dest': 'image' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
  })

  it.each(['x.js', 'x.mjs', 'x.css', 'x.html', 'x.svg', 'x.xml', 'x.wasm'])('downloads %s as application/octet-stream, as an attachment', async (name) => {
    const response = await fetch(`${base}${saveUrl(name)}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/octet-stream')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/)
    expect(await response.text()).toBe(FILES[name]?.body)
  })

  it.each([['x.png', 'image/png'], ['x.mp4', 'video/mp4']])('keeps the type of media it saves: %s as %s', async (name, type) => {
    const response = await fetch(`${base}${saveUrl(name)}`)
    expect(response.headers.get('content-type')).toBe(type)
    await response.body?.cancel()
  })
})

describe('HEAD /api/save', () => {
  it('answers without a body and lets the result host go at once', async () => {
    const response = await fetch(`${base}${saveUrl('slow')}`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/)
    expect(await response.text()).toBe('')
    // The result host's idle timeout is 30 s: a connection left open would outlive this wait.
    let timer: NodeJS.Timeout | undefined
    const left = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('the download from the result host was left open'), 3000)
    })
    expect(await Promise.race([slowClosed.then(() => 'let go'), left])).toBe('let go')
    clearTimeout(timer)
  })
})

/** A raw POST to /api/save-all, sending `bytes` of body (declared or chunked), told when refused. */
function postBody(bytes: number, declared: boolean): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0
    const request = httpRequest(`${base}/api/save-all`, {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'sec-fetch-site': 'same-origin',
        ...(declared ? { 'content-length': String(bytes) } : { 'transfer-encoding': 'chunked' }),
      },
    }, (response: IncomingMessage) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => {
        request.destroy()
        resolve({ status: response.statusCode ?? 0, body, sent })
      })
    })
    request.on('error', (error) => (sent > 0 ? undefined : reject(error)))
    // Cut off with no answer at all: said as status 0, not left hanging.
    request.on('close', () => resolve({ status: 0, body: '', sent }))
    const chunk = Buffer.alloc(MB, 'a')
    const more = () => {
      while (sent < bytes && !request.destroyed) {
        sent += chunk.byteLength
        if (!request.write(chunk)) return void request.once('drain', more)
      }
      if (!request.destroyed) request.end()
    }
    more()
  })
}

describe('POST /api/save-all', () => {
  it('refuses a declared 200 MB body with 413 and a sentence, before reading it', async () => {
    const before = process.memoryUsage().rss
    const { status, body, sent } = await postBody(200 * MB, true)
    expect(status).toBe(413)
    expect(body).toContain('foxwatch takes at most 40 MB')
    // It hung up long before the upload was done, and held none of it.
    expect(sent).toBeLessThan(200 * MB)
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB)
  })

  it('refuses a body that keeps coming past the limit with no length given', async () => {
    const { status, body } = await postBody(MAX_SAVE_PLAN_BYTES + 2 * MB, false)
    expect(status).toBe(413)
    expect(body).toContain('Save the files one by one')
  })

  it.each([
    ['a name past the length cap', { name: 'a'.repeat(MAX_ARCHIVE_NAME + 1) }, /1024/],
    ['a name past the depth cap', { name: `${'d/'.repeat(MAX_ARCHIVE_DEPTH)}x.png` }, /folders deep/],
  ])('refuses %s in the plan with 400 and a sentence', async (_name, file, sentence) => {
    const plan = { taskId: 'task-x', files: [{ url: fileUrl('x.png'), ...file }], derived: [] }
    const response = await fetch(`${base}/api/save-all`, {
      method: 'POST', body: formOf(JSON.stringify(plan)), headers: { 'sec-fetch-site': 'same-origin' },
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(sentence)
  })

  it('plans the worst accepted plan, every name unique, with /api/config answering meanwhile', async () => {
    // 2,000 links that fail at once, under names at the caps that all clean to the same path.
    const name = `${'d/'.repeat(MAX_ARCHIVE_DEPTH - 1)}${'n'.repeat(MAX_ARCHIVE_NAME - 2 * (MAX_ARCHIVE_DEPTH - 1))}`
    const plan = {
      taskId: 'task-worst', derived: Array.from({ length: MAX_SAVE_DERIVED }, () => ({ name })),
      files: Array.from({ length: 2000 }, () => ({ url: 'not a link', name })),
    }
    const saving = fetch(`${base}/api/save-all`, {
      method: 'POST', body: formOf(JSON.stringify(plan), ['{}', ...plan.derived.map(() => 'x')]), headers: { 'sec-fetch-site': 'same-origin' },
    })
    const config = await fetch(`${base}/api/config`)
    expect(config.status).toBe(200)
    const answer = await saving
    expect(answer.status).toBe(200)
    const entries = unzipSync(new Uint8Array(await answer.arrayBuffer()))
    const manifest: unknown = JSON.parse(new TextDecoder().decode(entries['manifest.json']))
    const names = (manifest as { files: Array<{ name: string }> }).files.map((file) => file.name)
    expect(names).toHaveLength(2000 + MAX_SAVE_DERIVED + 1)
    expect(new Set(names).size).toBe(2000 + MAX_SAVE_DERIVED + 1)
  })
})

/** A task proxy that reaches `upstreamBaseUrl` with the real fetch, holding answers in `budget`. */
function proxyOver(upstreamBaseUrl: string, budget: MemoryBudget) {
  return createTaskProxy({
    config: {
      host: '127.0.0.1', port: 0, upstreamBaseUrl, apiKey: KEY, demo: false, demoPace: 1, upstreamTimeoutMs: 10_000,
      staticRoot: '/nonexistent', allowedHosts: [], accessToken: undefined,
    },
    upstream: (request) => fetch(request),
    demo: undefined,
    budget,
  })
}

describe('large task answers in flight at once', () => {
  it('never hold more than the budget, wait their turn, and give every byte back', async () => {
    const answers = await startLoopbackServer((req, res) => {
      const size = Number(/big-(\d+)/.exec(req.url ?? '')?.[1] ?? 0) * MB
      const padding = 'x'.repeat(size)
      const body = JSON.stringify({ id: 'big', status: 'completed', results: [], padding })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) })
      res.end(body)
    })
    const budget = createMemoryBudget({ bytes: 8 * MB })
    const proxy = proxyOver(answers.url, budget)
    let most = 0
    const watch = setInterval(() => (most = Math.max(most, budget.load().bytes)), 1)
    const bodies = await Promise.all(Array.from({ length: 20 }, async (_, n) => {
      const response = await proxy(new Request(`http://127.0.0.1/api/tasks/big-3-${n}`), `big-3-${n}`)
      return { status: response.status, length: (await response.text()).length }
    }))
    clearInterval(watch)
    await new Promise((resolve) => setImmediate(resolve))
    expect(bodies.every((body) => body.status === 200 && body.length > 3 * MB)).toBe(true)
    expect(most).toBeGreaterThan(3 * MB)
    expect(most).toBeLessThanOrEqual(8 * MB)
    expect(budget.load()).toEqual({ bytes: 0, queries: 0, waiting: 0 })
    await answers.close()
    // Sixty megabytes through real sockets: seconds on a busy two-core machine.
  }, 30_000)

  it('give their bytes back after a HEAD, which reads no body', async () => {
    const answers = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MB) })
      res.end('x'.repeat(MB))
    })
    const budget = createMemoryBudget({ bytes: 4 * MB })
    const proxy = proxyOver(answers.url, budget)
    for (let n = 0; n < 8; n++) {
      const response = await proxy(new Request(`http://127.0.0.1/api/tasks/head-${n}`, { method: 'HEAD' }), `head-${n}`)
      expect(response.status).toBe(200)
      expect(response.body).toBeNull()
    }
    await new Promise((resolve) => setImmediate(resolve))
    expect(budget.load().bytes).toBe(0)
    await answers.close()
  })

  it('refuses an answer larger than the whole budget with 503 and Retry-After, and hangs up', async () => {
    const answers = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(4 * MB) })
      res.end('x'.repeat(4 * MB))
    })
    const budget = createMemoryBudget({ bytes: 2 * MB })
    const proxy = proxyOver(answers.url, budget)
    const response = await proxy(new Request('http://127.0.0.1/api/tasks/big'), 'big')
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('2')
    expect(await response.json()).toMatchObject({ error: { type: 'server_busy' } })
    expect(budget.load().bytes).toBe(0)
    await answers.close()
  })
})

describe('the parts of a Save all form', () => {
  const plan = JSON.stringify({ taskId: 'task-ü', files: [], derived: [{ name: 'x.srt' }] })
  const srt = '1\r\n00:00 & = + %\n--not-a-boundary\n'

  it('are read from a multipart form byte for byte, as a form parser reads them', async () => {
    const multipart = new FormData()
    multipart.set('other', 'plan=nope')
    multipart.set('plan', plan)
    multipart.append('text', new Blob(['{"a":"b\\nc"}']), 'task.json')
    multipart.append('text', new Blob([srt]), 'x.srt')
    const request = new Request('http://x/', { method: 'POST', body: multipart })
    const body = new Uint8Array(await request.clone().arrayBuffer())
    const parsed = await request.formData()
    expect(String(parsed.get('plan'))).toBe(plan)
    const parts = formParts(body, request.headers.get('content-type') ?? '')
    expect(parts.map((part) => part.name)).toEqual(['other', 'plan', 'text', 'text'])
    const decoded = parts.map((part) => new TextDecoder().decode(part.bytes))
    expect(decoded.slice(1)).toEqual([plan, '{"a":"b\\nc"}', srt])
  })

  it('keep derived texts exactly as the page made them, in the zip', async () => {
    const response = await fetch(`${base}/api/save-all`, { method: 'POST', body: formOf(plan, ['{"a":1}\n', srt]), headers: { 'sec-fetch-site': 'same-origin' } })
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()))
    expect(new TextDecoder().decode(entries['task.json'])).toBe('{"a":1}\n')
    expect(new TextDecoder().decode(entries['x.srt'])).toBe(srt)
  })

  it('must match the plan: one text for task.json, then one per derived file', async () => {
    const response = await fetch(`${base}/api/save-all`, { method: 'POST', body: formOf(plan, ['{}']), headers: { 'sec-fetch-site': 'same-origin' } })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('needs 2 text parts')
  })

  it('are refused from a URL-encoded form with 415 and a sentence', async () => {
    const response = await fetch(`${base}/api/save-all`, {
      method: 'POST', body: new URLSearchParams({ plan }), headers: { 'sec-fetch-site': 'same-origin' },
    })
    expect(response.status).toBe(415)
    expect(await response.text()).toContain('multipart/form-data')
    expect(() => formParts(new Uint8Array(new ArrayBuffer(4)), 'text/plain')).toThrow(NotMultipart)
    expect(formParts(new TextEncoder().encode('--x\r\n\r\n') as Uint8Array<ArrayBuffer>, 'multipart/form-data; boundary=x')).toEqual([])
  })
})
