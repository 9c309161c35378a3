import { describe, expect, it } from 'vitest'
import { fileNameForLink, looksLikeImage, webAddress } from './json-link'

describe('webAddress', () => {
  it.each([
    ['https://cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['HTTP://example.com', 'http://example.com/'],
  ])('links %s', (text, expected) => {
    expect(webAddress(text)).toBe(expected)
  })

  it.each(['javascript:alert(1)', 'data:image/png;base64,AAAA', ' https://example.com', 'example.com/a.png', '/demo/files/a.png', 'https://', 'fox'])(
    'leaves %s as text',
    (text) => {
      expect(webAddress(text)).toBeUndefined()
    },
  )
})

describe('looksLikeImage', () => {
  it('knows images by extension, or by a field name when the link has none', () => {
    expect(looksLikeImage('https://x.test/a/b.JPG?sig=1', 'file')).toBe(true)
    expect(looksLikeImage('https://x.test/signed/abc', 'thumbnail_url')).toBe(true)
    expect(looksLikeImage('https://x.test/mesh.glb', 'model')).toBe(false)
    expect(looksLikeImage('https://x.test/mesh', undefined)).toBe(false)
  })
})

describe('fileNameForLink', () => {
  it('names the file after the task, the result and the field, with the link extension', () => {
    expect(fileNameForLink('demo-unknown-1', 0, 'preview', 'https://x.test/files/image-1.png')).toBe('demo-unknown-1-1-preview.png')
    expect(fileNameForLink('task/1', 2, undefined, 'https://x.test/signed/abc')).toBe('task_1-3')
  })
})
