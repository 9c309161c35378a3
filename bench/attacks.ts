// `npm run bench:attacks`: the server under the attacks of issue 11, each on a fresh server process
// (compiled, as `npm start` runs it) against a foxapi stand-in on loopback. For each: how long the
// attack's own request takes, the server's peak memory (VmHWM), and /api/config's latency while it
// runs (asked every 50 ms). Prints medians (min–max) of --runs N (default 3).
import { spawn } from 'node:child_process'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { buildPages, spread, startFoxwatch, type Foxwatch } from './bench-server.ts'
import { uniqueZipPaths } from '../src/contract/archive-names.ts'
import { SavePlan } from '../server/save-all.ts'

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } })
const runs = Number(args.runs)
const MB = 1024 * 1024
const PORT = 4810

/** foxapi, answering every task with the same JSON body of 30 MB (declared); each ID is its own query. */
async function startBigUpstream(): Promise<{ url: string; server: Server }> {
  const body = Buffer.from(`{"id":"task-big","status":"completed","results":[],"padding":"${'x'.repeat(30 * MB)}"}`)
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.byteLength) })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024

// The pinger runs in a process of its own: this one is busy sending the attack, and its own
// pauses would be counted as the server's.
const PINGER = `
  let stop = false
  const latencies = []
  process.on('message', () => (stop = true))
  // A refused or broken answer counts as the time it took to fail: the server was not answering.
  const ask = async () => {
    const started = performance.now()
    await fetch(process.argv[1] + '/api/config').then((response) => response.arrayBuffer()).catch(() => undefined)
    return performance.now() - started
  }
  ;(async () => {
    // Warm: the first fetch of a process loads its HTTP client.
    for (let n = 0; n < 5; n++) await ask()
    process.send('ready')
    while (!stop) {
      latencies.push(await ask())
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    process.send(latencies, () => process.exit(0))
  })()
`

/** Runs `attack` while another process asks /api/config every 50 ms: the latencies, in ms. */
async function configLatencies(base: string, attack: () => Promise<unknown>): Promise<number[]> {
  const pinger = spawn(process.execPath, ['-e', PINGER, base], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const messages: unknown[] = []
  const next = () => new Promise<unknown>((resolve) => {
    const queued = messages.shift()
    if (queued !== undefined) return resolve(queued)
    pinger.once('message', (message) => resolve(message))
  })
  await next()
  await attack().catch(() => undefined)
  if (pinger.connected) pinger.send('stop')
  return (await next()) as number[]
}

/** A raw POST of `bytes` (declared) to /api/save-all; resolves with the status when answered. */
function postBody(base: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let sent = 0
    const request = httpRequest(`${base}/api/save-all`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'sec-fetch-site': 'same-origin', 'content-length': String(bytes) },
    }, (response) => {
      response.resume()
      response.on('end', () => {
        request.destroy()
        resolve(response.statusCode ?? 0)
      })
    })
    request.on('error', (error) => (sent > 0 ? undefined : reject(error)))
    // Cut off with no answer at all: said as status 0, not left hanging.
    request.on('close', () => resolve(0))
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

const BOUNDARY = 'foxwatch-attack'

/** A Save all plan as a multipart form body, as the page sends it, made before the clock starts. */
function savePlanForm(files: Array<{ url: string; name: string }>, derived: Array<{ name: string; text: string }>): Buffer {
  const plan = JSON.stringify({ taskId: 'task-attack', files, derived: derived.map(({ name }) => ({ name })) })
  const part = (headers: string, body: string) => `--${BOUNDARY}\r\ncontent-disposition: form-data; ${headers}\r\n\r\n${body}\r\n`
  const texts = ['{}', ...derived.map(({ text }) => text)].map((text, n) => part(`name="text"; filename="text-${n}"`, text)).join('')
  return Buffer.from(`${part('name="plan"', plan)}${texts}--${BOUNDARY}--\r\n`)
}

/** Posts a made form body to /api/save-all, reads the answer whole and throws it away: its status. */
function postForm(base: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}/api/save-all`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'sec-fetch-site': 'same-origin', 'content-length': String(body.byteLength) },
    }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    request.on('error', reject)
    request.end(body)
  })
}

type Attack = { name: string; run(server: Foxwatch): Promise<string> }

const worstAccepted = `${'d/'.repeat(15)}${'n'.repeat(1024 - 30)}`
const worstForm = savePlanForm(Array.from({ length: 2000 }, () => ({ url: 'not a link', name: worstAccepted })), Array.from({ length: 100 }, () => ({ name: worstAccepted, text: 'x' })))
const probeName = `${'d/'.repeat(5000)}${'n'.repeat(200)}.png`
const probeForm = savePlanForm(Array.from({ length: 300 }, () => ({ url: 'not a link', name: probeName })), [])
const attacks: Attack[] = [
  {
    name: 'save-all, worst accepted plan (2,000 files + 100 derived, one name at the caps)',
    run: async ({ base }) => String(await postForm(base, worstForm)),
  },
  {
    name: 'save-all, the probe\'s plan (300 names behind 5,000 d/ segments)',
    run: async ({ base }) => String(await postForm(base, probeForm)),
  },
  { name: 'save-all, a 200 MB form body', run: async ({ base }) => String(await postBody(base, 200 * MB)) },
  {
    name: '20 distinct 30 MB tasks at once',
    async run({ base }) {
      // Read and thrown away with node:http: this process also times /api/config meanwhile.
      const statuses = await Promise.all(Array.from({ length: 20 }, (_, n) => new Promise<number>((resolve, reject) => {
        httpRequest(`${base}/api/tasks/task-big-${n}-${Math.random().toString(36).slice(2)}`, (response) => {
          response.resume()
          response.on('end', () => resolve(response.statusCode ?? 0))
        }).on('error', reject).end()
      })))
      const counts = new Map<number, number>()
      for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1)
      return [...counts].map(([status, times]) => `${times}×${status}`).join(' ')
    },
  },
]

/** The planning alone, in this process: the worst accepted plan read by the schema and every name given once. */
function planningMs(): number[] {
  const plan = JSON.parse(worstForm.toString('utf8').split('\r\n')[3] ?? '') as unknown
  const times: number[] = []
  for (let run = 0; run < Math.max(5, runs); run++) {
    const started = performance.now()
    const parsed = SavePlan.parse(plan)
    const unique = uniqueZipPaths()
    for (const entry of [...parsed.derived, ...parsed.files]) unique(entry.name)
    times.push(performance.now() - started)
  }
  return times
}

const build = await buildPages({ baselines: false })
const upstream = await startBigUpstream()
const fmt = (values: number[], digits = 0) => {
  const { median, min, max } = spread(values)
  return `${median.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`
}
try {
  console.log(`planning the worst accepted save-all plan (schema and names), in-process: ${fmt(planningMs(), 1)} ms\n`)
  console.log(`| attack | answer | attack request, ms | server peak, MB (at start) | /api/config p50 / max during, ms |`)
  console.log('|---|---|---|---|---|')
  for (const attack of attacks) {
    const took: number[] = []
    const peaks: number[] = []
    const starts: number[] = []
    const p50s: number[] = []
    const maxes: number[] = []
    const answers = new Set<string>()
    for (let run = 0; run < runs; run++) {
      const server = await startFoxwatch({ build, port: PORT, upstream: upstream.url })
      try {
        starts.push(peakMb(server.pid))
        let answer = ''
        let ms = 0
        const latencies = await configLatencies(server.base, async () => {
          const started = performance.now()
          answer = await attack.run(server)
          ms = performance.now() - started
        })
        answers.add(answer)
        took.push(ms)
        peaks.push(peakMb(server.pid))
        const sorted = latencies.toSorted((a, b) => a - b)
        p50s.push(sorted[Math.floor(sorted.length / 2)] ?? NaN)
        maxes.push(sorted.at(-1) ?? NaN)
      } finally {
        await server.stop()
      }
    }
    console.log(`| ${attack.name} | ${[...answers].join(', ')} | ${fmt(took)} | ${fmt(peaks)} (${fmt(starts)}) | ${fmt(p50s, 1)} / ${fmt(maxes, 1)} |`)
  }
} finally {
  build.remove()
  upstream.server.close()
}
