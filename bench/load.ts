// A load generator for the task-route benchmark, run as its own process so it does not share an
// event loop with the server or the fake upstream: `node --import tsx bench/load.ts '<json>'` with
// {url, headers, connections, seconds, warmUpSeconds}; prints {count, errors, seconds, perSecond,
// p50, p90, p99} (latencies in ms) as JSON. Keep-alive connections, each sending its next query as
// soon as the last answer is read.
import { Agent, get } from 'node:http'
import { z } from 'zod'

const Options = z.object({
  url: z.url(),
  headers: z.record(z.string(), z.string()).default({}),
  connections: z.number().int().positive(),
  seconds: z.number().positive(),
  warmUpSeconds: z.number().min(0).default(0.5),
})

const options = Options.parse(JSON.parse(process.argv[2] ?? '{}'))
const agent = new Agent({ keepAlive: true, maxSockets: options.connections })

function query(): Promise<boolean> {
  return new Promise((resolve) => {
    get(options.url, { agent, headers: options.headers }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode === 200))
      response.on('error', () => resolve(false))
    }).on('error', () => resolve(false))
  })
}

const latencies: number[] = []
let errors = 0
const begin = performance.now()
const measureFrom = begin + options.warmUpSeconds * 1000
const end = measureFrom + options.seconds * 1000

async function connection(): Promise<void> {
  while (performance.now() < end) {
    const sent = performance.now()
    const ok = await query()
    if (sent < measureFrom) continue
    if (ok) latencies.push(performance.now() - sent)
    else errors++
  }
}

await Promise.all(Array.from({ length: options.connections }, connection))
const seconds = (performance.now() - measureFrom) / 1000
latencies.sort((a, b) => a - b)
const at = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))] ?? NaN
console.log(JSON.stringify({ count: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50: at(0.5), p90: at(0.9), p99: at(0.99) }))
agent.destroy()
