// Benchmark: the foxwatch server's task route (GET /api/tasks/<id> with a key header) against a
// fast fake upstream on loopback, and the fake upstream queried directly as the baseline. A load
// generator in its own process (bench/load.ts) keeps connections busy:
//   - added latency: one connection, one query at a time; p50 through foxwatch minus p50 direct;
//   - throughput: many connections asking about the same task at once, so the server coalesces
//     identical concurrent queries; queries answered per second, and how many reached upstream.
// The server runs alone in its process (node, not a wrapper) on this machine's cores.
import { spawn } from 'node:child_process'
import { z } from 'zod'
import { startFoxwatch, type Build } from './bench-server.ts'
import type { FakeUpstream } from './fake-upstream.ts'
import { taskBody } from './fake-upstream.ts'
import type { Figure } from './figures.ts'

const LoadResult = z.object({ count: z.number(), errors: z.number(), seconds: z.number(), perSecond: z.number(), p50: z.number(), p90: z.number(), p99: z.number() })
type LoadResult = z.infer<typeof LoadResult>

function runLoad(phase: { url: string; headers: Record<string, string>; connections: number; seconds: number }): Promise<LoadResult> {
  const options = { ...phase, warmUpSeconds: Math.min(0.5, phase.seconds / 2) }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the load generator failed: ${err.trim() || `exit ${code}`}`))
      try {
        resolve(LoadResult.parse(JSON.parse(out)))
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
  })
}

export async function measureTaskRoute(build: Build, upstream: FakeUpstream, { runs, port, seconds, connections }: {
  runs: number
  port: number
  /** Length of each phase. */
  seconds: number
  /** Concurrent connections in the throughput phase. */
  connections: number
}): Promise<Figure[]> {
  const created = Math.floor(Date.now() / 1000)
  const body = JSON.stringify(taskBody({ id: 'route-bench', status: 'processing', created }))
  upstream.define('route-', () => ({ body }))
  const key = 'sk-bench-route'
  // No server key: the page's key travels in the header, as for most users.
  const server = await startFoxwatch({ build, port, upstream: upstream.url, apiKey: '' })
  const added: number[] = []
  const directP50: number[] = []
  const throughput: number[] = []
  const directThroughput: number[] = []
  const upstreamShare: number[] = []
  try {
    const direct = { url: `${upstream.url}/v1/tasks/route-bench`, headers: { authorization: `Bearer ${key}`, accept: 'application/json' } }
    const routed = { url: `${server.base}/api/tasks/route-bench`, headers: { 'x-foxapi-key': key, accept: 'application/json' } }
    // A fresh server compiles its hot paths on the first few thousand queries: not counted.
    await runLoad({ ...routed, connections, seconds: Math.min(1, seconds) })
    upstream.forget('route-')
    for (let run = 0; run < runs; run++) {
      const one = await runLoad({ ...direct, connections: 1, seconds })
      const oneRouted = await runLoad({ ...routed, connections: 1, seconds })
      directP50.push(one.p50)
      added.push(oneRouted.p50 - one.p50)
      const many = await runLoad({ ...direct, connections, seconds })
      upstream.forget('route-')
      const manyRouted = await runLoad({ ...routed, connections, seconds })
      const reached = upstream.queries('route-bench').length
      upstream.forget('route-')
      directThroughput.push(many.perSecond)
      throughput.push(manyRouted.perSecond)
      // Includes the warm-up's queries at both ends: a rough ratio.
      upstreamShare.push((100 * reached) / Math.max(1, manyRouted.count))
      if (oneRouted.errors + manyRouted.errors > 0) throw new Error(`${oneRouted.errors + manyRouted.errors} queries through foxwatch failed`)
    }
  } finally {
    await server.stop()
  }
  return [
    {
      id: 'route-added-p50-ms',
      title: '8. Task route: added latency, p50',
      unit: 'ms',
      digits: 2,
      samples: added,
      budget: { most: 2 },
      baseline: { label: 'p50 of upstream direct', samples: directP50 },
      note: 'one connection, one query at a time; p50 through foxwatch minus p50 direct',
    },
    {
      id: 'route-per-second',
      title: `8. Task route: queries/s, ${connections} connections`,
      unit: '/s',
      samples: throughput,
      budget: { least: 2000 },
      baseline: { label: 'upstream direct', samples: directThroughput },
      note: `the same task from every connection (coalesced): ${upstreamShare.map((n) => n.toFixed(0)).join(', ')}% of them reached upstream`,
    },
  ]
}
