// The foxwatch server: the built page, the task and save routes, and the demo upstream, on one port.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import { configBlock } from '../src/contract/config-in-page.ts'
import type { ServerConfig } from '../src/contract/server-config.ts'
import type { Config } from './config.ts'
import { wallDemoClock, type DemoClock } from './demo/demo-clock.ts'
import { createDemoUpstream, DEMO_PREFIX, DEMO_SOURCE_AUDIO } from './demo/demo-upstream.ts'
import { scenarios } from './demo/scenarios.ts'
import { createMemoryBudget } from './memory-budget.ts'
import { createSaveAllRoute } from './save-all.ts'
import { createSaveRoute } from './save-route.ts'
import { accessGuard } from './access-guard.ts'
import { securityHeaders } from './security-headers.ts'
import { createTaskProxy, type Upstream } from './task-proxy.ts'
import { errorResponse } from './upstream-error.ts'

type AppOptions = {
  config: Config
  /** How the server reaches foxapi; tests may pass their own. */
  upstream?: Upstream
  /** The demo's result files, when the server runs compiled from elsewhere than its source. */
  demoAssets?: string
  /** The demo tasks' clock: the wall clock at FOXWATCH_DEMO_PACE unless given (the browser tests step one). */
  demoClock?: DemoClock
}

export function createApp({ config, upstream = (request) => fetch(request), demoAssets, demoClock }: AppOptions): Hono {
  const app = new Hono()
  const clock = demoClock ?? wallDemoClock({ pace: config.demoPace })
  const demoApp = config.demo ? createDemoUpstream({ clock, ...(demoAssets ? { assets: demoAssets } : {}) }) : undefined
  const demo: Upstream | undefined = demoApp ? async (request) => demoApp.fetch(request) : undefined
  // One bound on what the task answers and Save all plans hold in memory, together.
  const budget = createMemoryBudget()
  const proxyTask = createTaskProxy({ config, upstream, demo, budget })
  const save = createSaveRoute({ config, demo })
  const saveAll = createSaveAllRoute({ config, demo, budget })

  app.use('*', securityHeaders())
  app.use('*', accessGuard(config))

  // Save all is a form post (see save-all.ts); everything else only reads.
  app.post('/api/save-all', (c) => saveAll(c.req.raw))
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', () =>
    errorResponse(405, 'method_not_allowed', 'foxwatch only reads: use GET.', { allow: 'GET, HEAD' }))

  // What the page needs to know of this server: sent at /api/config, and written into every page
  // (see configBlock) so the page has it at its first render without asking.
  const pageConfig: ServerConfig = {
    serverKey: config.apiKey !== undefined,
    upstreamBaseUrl: config.upstreamBaseUrl,
    demo: config.demo,
    demoTasks: config.demo
      ? scenarios.map(({ name, title, model }) => ({
        id: `demo-${name}`, title, model, ...(DEMO_SOURCE_AUDIO[name] ? { sourceAudio: DEMO_SOURCE_AUDIO[name] } : {}),
      }))
      : [],
  }
  app.get('/api/config', (c) => c.json(pageConfig, 200, { 'cache-control': 'no-store' }))
  app.get('/api/tasks/:id', (c) => proxyTask(c.req.raw, c.req.param('id')))
  app.get('/api/save', (c) => save(c.req.raw, 'attachment'))
  app.get('/api/file', (c) => save(c.req.raw, 'inline'))
  app.all('/api/*', () => errorResponse(404, 'invalid_request_error', 'No such foxwatch API route.'))

  if (demoApp) app.route('/', demoApp)
  app.all(`${DEMO_PREFIX}/*`, () => errorResponse(404, 'invalid_request_error', 'The demo upstream is off (FOXWATCH_DEMO=0).'))

  app.use('/assets/*', serveStatic({ root: config.staticRoot, onFound: (_path, c) => {
    c.header('cache-control', 'public, max-age=31536000, immutable')
  } }))
  // A built file that is not there is a 404, not the page: a stale tab asking for an old chunk
  // learns it at once, and nothing under /assets/ is ever answered with HTML.
  app.all('/assets/*', () => errorResponse(404, 'invalid_request_error', 'No such file in this build of foxwatch.'))
  app.use('*', serveStatic({ root: config.staticRoot, index: 'no-directory-index' }))

  // Every other path (such as /tasks/<id>) is a page of the single-page app, with this server's
  // configuration written in.
  let indexHtml: string | undefined
  app.get('*', (c) => {
    try {
      indexHtml ??= readFileSync(join(config.staticRoot, 'index.html'), 'utf8')
        .replace('</head>', () => `${configBlock(pageConfig)}</head>`)
    } catch {
      return c.text('foxwatch: the page is not built. Run `npm start` (or `npm run build`) first.', 503)
    }
    return c.html(indexHtml, 200, { 'cache-control': 'no-cache' })
  })
  return app
}
