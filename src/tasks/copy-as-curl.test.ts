import { describe, expect, it } from 'vitest'
import { curlCommand } from './copy-as-curl'

describe('curlCommand', () => {
  it('quotes the header and the URL, and encodes the ID as one path segment', () => {
    expect(curlCommand('https://api.foxapi.cc', 'task-unified-1-abc', 'sk-…redacted'))
      .toBe(`curl -sS -H 'Authorization: Bearer sk-…redacted' 'https://api.foxapi.cc/v1/tasks/task-unified-1-abc'`)
    expect(curlCommand('https://api.foxapi.cc', "a/../b'; rm -rf ~", "sk-it's"))
      .toBe(`curl -sS -H 'Authorization: Bearer sk-it'\\''s' 'https://api.foxapi.cc/v1/tasks/a%2F..%2Fb'\\''%3B%20rm%20-rf%20~'`)
  })

  it('leaves the key to the shell when the page has none to show', () => {
    expect(curlCommand('http://127.0.0.1:9', 'x', undefined)).toBe(`curl -sS -H "Authorization: Bearer $FOXAPI_API_KEY" 'http://127.0.0.1:9/v1/tasks/x'`)
  })
})
