import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { MIN_ACCESS_TOKEN, readConfig } from './config.ts'

const TOKEN = 'a-token-of-16-ch'

/** The sentence readConfig refuses `env` with, or '' if it accepts it. */
function refusal(env: Record<string, string>): string {
  try {
    readConfig(env, '/nonexistent')
    return ''
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

describe('listening beyond loopback', () => {
  it.each([
    ['with no server key', { HOST: '0.0.0.0' }],
    ['with a server key', { HOST: '0.0.0.0', FOXAPI_API_KEY: 'sk-server' }],
    ['on IPv6', { HOST: '::' }],
    ['on a name', { HOST: 'watch.internal' }],
  ])('%s, refuses to start without an access token, and says how to make one', (_case, env) => {
    const message = refusal(env)
    expect(message).toContain(`HOST=${env.HOST} lets other machines in, so set FOXWATCH_ACCESS_TOKEN to a secret of at least 16 characters`)
    expect(message).toContain('randomBytes')
    expect(message).not.toContain('sk-server')
  })

  it('starts with a token of 16 characters, and on loopback without one', () => {
    expect(TOKEN).toHaveLength(MIN_ACCESS_TOKEN)
    expect(refusal({ HOST: '0.0.0.0', FOXWATCH_ACCESS_TOKEN: TOKEN })).toBe('')
    expect(refusal({ HOST: '0.0.0.0', FOXAPI_API_KEY: 'sk-server', FOXWATCH_ACCESS_TOKEN: TOKEN })).toBe('')
    for (const HOST of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) expect(refusal({ HOST, FOXAPI_API_KEY: 'sk-server' }), HOST).toBe('')
  })
})

describe('the access token', () => {
  it.each(['127.0.0.1', '0.0.0.0'])('is refused on %s when shorter than 16 characters, without being printed', (HOST) => {
    const message = refusal({ HOST, FOXWATCH_ACCESS_TOKEN: 'fifteen-chars!!' })
    expect(message).toContain('FOXWATCH_ACCESS_TOKEN is 15 characters long; it must be at least 16')
    expect(message).not.toContain('fifteen-chars!!')
    expect(refusal({ HOST, FOXWATCH_ACCESS_TOKEN: 'x' })).toContain('is 1 character long')
  })

  it('can be made with the one-liner the refusal gives', () => {
    const command = /Make one with: node -e "(.+)"$/.exec(refusal({ HOST: '0.0.0.0' }))?.[1]
    expect(command).toBeDefined()
    const token = execFileSync(process.execPath, ['-e', command ?? ''], { encoding: 'utf8' }).trim()
    expect(token.length).toBeGreaterThanOrEqual(MIN_ACCESS_TOKEN)
    expect(readConfig({ HOST: '0.0.0.0', FOXWATCH_ACCESS_TOKEN: token }, '/x').accessToken).toBe(token)
  })
})

describe('FOXAPI_BASE_URL', () => {
  it.each(['https://user:hunter2secret@api.foxapi.cc', 'https://only-a-user@api.foxapi.cc', 'http://:hunter2secret@127.0.0.1:9000'])(
    'is refused with a user name or password in it (%s), which every visitor would see',
    (url) => {
      const message = refusal({ FOXAPI_BASE_URL: url })
      expect(message).toContain('FOXAPI_BASE_URL has a user name or password in it')
      expect(message).not.toContain('hunter2secret')
    },
  )

  it('is accepted without one', () => {
    expect(readConfig({ FOXAPI_BASE_URL: 'https://api.foxapi.cc/' }, '/x').upstreamBaseUrl).toBe('https://api.foxapi.cc')
  })
})
