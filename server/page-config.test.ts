// The configuration the server writes into every page it serves: what /api/config answers, as
// JSON the page's schema accepts, in a block no value can break out of.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ServerConfig } from '../src/contract/server-config.ts'
import { createApp } from './app.ts'
import { readConfig } from './config.ts'

const INDEX = '<!doctype html><html><head><title>foxwatch</title></head><body><div id="root"></div></body></html>'

function appWith(env: NodeJS.ProcessEnv) {
  const staticRoot = mkdtempSync(join(tmpdir(), 'foxwatch-page-'))
  writeFileSync(join(staticRoot, 'index.html'), INDEX)
  return createApp({ config: readConfig({ ...env, HOST: '127.0.0.1' }, staticRoot) })
}

const request = (path: string) => new Request(`http://127.0.0.1${path}`, { headers: { host: '127.0.0.1' } })

/** The text of the page's configuration block, as the page reads it. */
function blockOf(html: string): string {
  const match = /<script type="application\/json" id="foxwatch-config">(.*?)<\/script>/s.exec(html)
  if (!match?.[1]) throw new Error(`no configuration block in ${html}`)
  return match[1]
}

describe('the configuration in the page', () => {
  it('is what /api/config answers, and the page schema reads it, on every page path', async () => {
    const app = appWith({ FOXAPI_API_KEY: 'sk-server-key' })
    const answer: unknown = await (await app.fetch(request('/api/config'))).json()
    for (const path of ['/', '/tasks/demo-image-1']) {
      const page = await app.fetch(request(path))
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      const html = await page.text()
      const parsed = ServerConfig.safeParse(JSON.parse(blockOf(html)))
      expect(parsed.success).toBe(true)
      expect(parsed.data).toEqual(answer)
      expect(parsed.data?.serverKey).toBe(true)
      expect(parsed.data?.demoTasks.length).toBeGreaterThan(0)
      // In the head, before the page's script could run; the key itself is never in it.
      expect(html.indexOf('foxwatch-config')).toBeLessThan(html.indexOf('</head>'))
      expect(html).not.toContain('sk-server-key')
    }
  })

  it('holds no `<`, so no value can end the block or start an element', async () => {
    const app = appWith({ FOXAPI_BASE_URL: 'https://example.test/</script><script>alert(1)</script>', FOXWATCH_DEMO: '0' })
    const html = await (await app.fetch(request('/'))).text()
    const block = blockOf(html)
    expect(block).not.toContain('<')
    expect(JSON.parse(block)).toMatchObject({ upstreamBaseUrl: 'https://example.test/</script><script>alert(1)</script>', demo: false, demoTasks: [] })
    expect(html.match(/<script/g)).toHaveLength(1)
  })
})
