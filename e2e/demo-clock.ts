// The demo tasks' clock as the browser tests run it: a task a test has taken hold of stands still
// until the test moves it, so a test walks a task through every status at its own speed, or opens
// one already finished, instead of waiting for the demo to get there. A task no test holds runs
// on the wall clock at FOXWATCH_DEMO_PACE, as `npm start` runs it.
//
// The test steps it over a loopback port of its own (DEMO_CLOCK_PORT), never through foxwatch's:
//   POST /hold/<id>           the task starts now and stands still
//   POST /advance/<id>?ms=N   it moves N ms on (held first if need be)
//   POST /settle/<id>         it moves to the end of its life
import { createServer, type Server } from 'node:http'
import type { DemoClock, DemoTime } from '../server/demo/demo-clock.ts'

/** Far enough that every scenario has settled, and still an ordinary number. */
const END_OF_LIFE_MS = Number.MAX_SAFE_INTEGER

export type SteppedDemoClock = DemoClock & {
  hold(taskId: string): DemoTime
  advance(taskId: string, ms: number): DemoTime
  settle(taskId: string): DemoTime
}

export function steppedDemoClock(wall: DemoClock, now: () => number = Date.now): SteppedDemoClock {
  const held = new Map<string, DemoTime>()
  const hold = (taskId: string) => {
    const time = held.get(taskId) ?? { startedAt: now(), elapsedMs: 0, pace: 1 }
    held.set(taskId, time)
    return time
  }
  return {
    timeOf: (taskId) => held.get(taskId) ?? wall.timeOf(taskId),
    hold,
    advance(taskId, ms) {
      const time = hold(taskId)
      time.elapsedMs = Math.min(END_OF_LIFE_MS, time.elapsedMs + ms)
      return time
    },
    settle(taskId) {
      const time = hold(taskId)
      time.elapsedMs = END_OF_LIFE_MS
      return time
    },
  }
}

/** The loopback control the tests step the clock through. */
export function serveDemoClockControl(clock: SteppedDemoClock, port: number): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const match = /^\/(hold|advance|settle)\/(.+)$/.exec(url.pathname)
    const ms = Number(url.searchParams.get('ms') ?? 0)
    if (req.method !== 'POST' || !match?.[1] || !match[2] || !Number.isFinite(ms) || ms < 0) {
      res.writeHead(400, { 'content-type': 'text/plain' })
      res.end('POST /hold/<id>, /advance/<id>?ms=N or /settle/<id>')
      return
    }
    const id = decodeURIComponent(match[2])
    const time = match[1] === 'hold' ? clock.hold(id) : match[1] === 'settle' ? clock.settle(id) : clock.advance(id, ms)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(time))
  })
  return server.listen(port, '127.0.0.1')
}
