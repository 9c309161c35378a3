import { describe, expect, it } from 'vitest'
import { REDACTED_KEY, redactKey } from './redact-key.ts'

const bytes = (text: string) => {
  const encoded = new TextEncoder().encode(text)
  const copy = new Uint8Array(new ArrayBuffer(encoded.byteLength))
  copy.set(encoded)
  return copy
}
const redact = (text: string, key: string) => new TextDecoder().decode(redactKey(bytes(text), key))

const KEY = 'sk-5ecret-KEY-0001'

describe('redactKey', () => {
  it('replaces the key in a string value, plain or behind any JSON escape', () => {
    const escaped = KEY.split('').map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
    for (const body of [
      `{"message":"Incorrect API key provided: ${KEY}."}`,
      `{"message":"key ${escaped} refused"}`,
      `{"message":"quoted \\"${KEY}\\" and a line\\n${KEY}"}`,
      `["${KEY.replace('-', '\\u002d')}"]`,
    ]) {
      const clean = redact(body, KEY)
      expect(JSON.stringify(JSON.parse(clean))).not.toContain(KEY)
      expect(clean).toContain(REDACTED_KEY)
    }
  })

  it('leaves a body without the key exactly as it was, byte for byte', () => {
    const body = bytes('{"id":"task-1","note":"caf\\u00e9 \\\\ \\"quoted\\"","n":1.50}')
    expect(redactKey(body, KEY)).toBe(body)
  })

  it.each(['1', 'e', 'status', 'true', 'null', ':', ',', '"', '\\', '[API key]'])(
    'never turns valid JSON invalid, nor touches field names and numbers, with the key %j',
    (key) => {
      const original = { status: 'completed', progress: 100, created: 1757165031, ratio: 1e-7, ok: true, none: null, id: 'task-e1-status', nested: [{ status: 'e 1 : , " \\ [API key]' }] }
      for (const text of [JSON.stringify(original), JSON.stringify(original, null, 2)]) {
        const clean = redact(text, key)
        const parsed: unknown = JSON.parse(clean)
        expect(parsed).toMatchObject({ progress: 100, created: 1757165031, ratio: 1e-7, ok: true, none: null })
        expect(Object.keys(parsed as object)).toEqual(Object.keys(original))
        // Each string once: the replacement's own letters are never searched again.
        expect(parsed).toMatchObject({ status: 'completed'.replaceAll(key, REDACTED_KEY), id: 'task-e1-status'.replaceAll(key, REDACTED_KEY) })
      }
    },
  )

  it('replaces the key anywhere in a body that is not JSON to begin with', () => {
    expect(redact(`<pre>Authorization: Bearer ${KEY}</pre>`, KEY)).toBe(`<pre>Authorization: Bearer ${REDACTED_KEY}</pre>`)
    expect(redact(`{"message":"cut off at ${KEY}`, KEY)).toBe(`{"message":"cut off at ${REDACTED_KEY}`)
    expect(redact(`{message: ${KEY}}`, KEY)).toBe(`{message: ${REDACTED_KEY}}`)
  })

  it('finds the key after thousands of escaped strings', () => {
    const words = Array.from({ length: 50_000 }, (_, n) => ({ text: `word\\n${n}`, note: `caf\u00e9 "${n}"` }))
    const text = JSON.stringify({ words, message: `refused ${KEY}` })
    const clean: unknown = JSON.parse(redact(text, KEY))
    expect(clean).toEqual({ words, message: `refused ${REDACTED_KEY}` })
  })
})
