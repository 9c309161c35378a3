// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { configBlock, configInPage } from './config-in-page'
import type { ServerConfig } from './server-config'

const CONFIG: ServerConfig = {
  serverKey: false,
  upstreamBaseUrl: 'https://example.test/</script><b>',
  demo: true,
  demoTasks: [{ id: 'demo-image', title: 'Three <images>', model: 'm', sourceAudio: '/demo/files/a.mp3' }],
}

afterEach(() => {
  document.head.innerHTML = ''
})

describe('the configuration in the page', () => {
  it('reads back what the server wrote, whatever its values hold', () => {
    document.head.innerHTML = configBlock(CONFIG)
    expect(document.head.querySelectorAll('script')).toHaveLength(1)
    expect(configInPage()).toEqual(CONFIG)
  })

  it('is undefined when the page has none, or an unreadable one, so /api/config is asked', () => {
    expect(configInPage()).toBeUndefined()
    document.head.innerHTML = '<script type="application/json" id="foxwatch-config">{not json</script>'
    expect(configInPage()).toBeUndefined()
  })
})
