// Starts the foxwatch server: `npm start` builds the page and compiles this to dist-server/ (see
// vite.server.config.ts); `npm run dev:server` and the browser tests run it from source. Both
// sit one folder below the project, so paths relative to this file hold either way.
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { readConfig } from './config.ts'

let config
try {
  config = readConfig(process.env, process.env.FOXWATCH_STATIC_DIR ?? fileURLToPath(new URL('../dist', import.meta.url)))
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

const app = createApp({ config, demoAssets: fileURLToPath(new URL('../server/demo/assets/', import.meta.url)) })
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
  console.log(`foxwatch is running at http://${host}:${info.port}/`)
  console.log(config.apiKey ? 'Using the API key from FOXAPI_API_KEY.' : 'No server key: the page will ask for one (demo tasks need none).')
  if (config.demo) console.log(`Demo tasks: http://${host}:${info.port}/tasks/demo-image`)
})
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE'
    ? `foxwatch: port ${config.port} on ${config.host} is already in use. Set PORT to another port.`
    : `foxwatch: ${error.message}`)
  process.exit(1)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    process.exit(0)
  })
}
