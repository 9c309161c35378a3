// The foxwatch server the browser tests run: the real app and configuration, as server/main.ts
// starts them, with the demo tasks' clock in the tests' hands (demo-clock.ts). The start-up
// itself (messages, refusals) is tested on server/main.ts (own-server.ts).
import { serve } from '@hono/node-server'
import { fileURLToPath } from 'node:url'
import { createApp } from '../server/app.ts'
import { readConfig } from '../server/config.ts'
import { wallDemoClock } from '../server/demo/demo-clock.ts'
import { serveDemoClockControl, steppedDemoClock } from './demo-clock.ts'
import { DEMO_CLOCK_PORT } from './ports.ts'

const config = readConfig(process.env, process.env.FOXWATCH_STATIC_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)))
const clock = steppedDemoClock(wallDemoClock({ pace: config.demoPace }))
serveDemoClockControl(clock, DEMO_CLOCK_PORT)
serve({ fetch: createApp({ config, demoClock: clock }).fetch, hostname: config.host, port: config.port }, (info) => {
  console.log(`foxwatch under test at http://${info.address}:${info.port}/, demo clock control on ${DEMO_CLOCK_PORT}`)
})
