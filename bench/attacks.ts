// `npm run bench:attacks`: the server under the attacks of issue 11, each on a fresh server process
// (compiled, as `npm start` runs it) against a foxapi stand-in on loopback. For each: how long the
// attack's own request takes, the server's peak memory (VmHWM), and /api/config's latency while it
// runs (asked every 50 ms). Prints medians (min–max) of --runs N (default 3).
import { createServer, request as httpRequest, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { buildPages, spread, startFoxwatch, type Foxwatch } from './bench-server.ts'

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } })
const runs = Number(args.runs)
const MB = 1024 * 1024
const PORT = 4810

/** foxapi, answering every task with a JSON body of 30 MB (declared), distinct per ID. */
async function startBigUpstream(): Promise<{ url: string; server: Server }> {
  const padding = 'x'.repeat(30 * MB)
  const server = createServer((req, res) => {
    const body = `{"id":${JSON.stringify(req.url ?? '')},"status":"completed","results":[],"padding":"${padding}"}`
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024

/** Asks /api/config every 50 ms until `attack` settles: the latencies, in ms. */
async function configLatencies(base: string, attack: Promise<unknown>): Promise<number[]> {
  let done = false
  void attack.finally(() => (done = true)).catch(() => undefined)
  const latencies: number[] = []
  while (!done) {
    const started = performance.now()
    await fetch(`${base}/api/config`).then((response) => response.arrayBuffer())
    latencies.push(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return latencies
}

/** A raw POST of `bytes` (declared) to /api/save-all; resolves with the status when answered. */
function postBody(base: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let sent = 0
    const request = httpRequest(`${base}/api/save-all`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'content-length': String(bytes) },
    }, (response) => {
      response.resume()
      response.on('end', () => {
        request.destroy()
        resolve(response.statusCode ?? 0)
      })
    })
    request.on('error', (error) => (sent > 0 ? undefined : reject(error)))
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

function savePlanForm(files: Array<{ url: string; name: string }>, derived: Array<{ name: string; text: string }>): URLSearchParams {
  return new URLSearchParams({ plan: JSON.stringify({ taskId: 'task-attack', task: '{}', files, derived }) })
}

type Attack = { name: string; run(server: Foxwatch): Promise<string> }

const worstAccepted = `${'d/'.repeat(15)}${'n'.repeat(1024 - 30)}`
const attacks: Attack[] = [
  {
    name: 'save-all, worst accepted plan (2,000 files + 100 derived, one name at the caps)',
    async run({ base }) {
      const form = savePlanForm(Array.from({ length: 2000 }, () => ({ url: 'not a link', name: worstAccepted })), Array.from({ length: 100 }, () => ({ name: worstAccepted, text: 'x' })))
      const response = await fetch(`${base}/api/save-all`, { method: 'POST', body: form, headers: { 'sec-fetch-site': 'same-origin' } })
      await response.arrayBuffer()
      return String(response.status)
    },
  },
  {
    name: 'save-all, the probe\'s plan (300 names behind 5,000 d/ segments)',
    async run({ base }) {
      const name = `${'d/'.repeat(5000)}${'n'.repeat(200)}.png`
      const form = savePlanForm(Array.from({ length: 300 }, () => ({ url: 'not a link', name })), [])
      const response = await fetch(`${base}/api/save-all`, { method: 'POST', body: form, headers: { 'sec-fetch-site': 'same-origin' } })
      await response.arrayBuffer()
      return String(response.status)
    },
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

const build = await buildPages({ baselines: false })
const upstream = await startBigUpstream()
const fmt = (values: number[], digits = 0) => {
  const { median, min, max } = spread(values)
  return `${median.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`
}
try {
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
        const started = performance.now()
        const attacking = attack.run(server)
        const latencies = await configLatencies(server.base, attacking)
        answers.add(await attacking)
        took.push(performance.now() - started)
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
