import { describe, expect, it } from 'vitest'
import { safeLink } from './safe-link'

describe('safeLink', () => {
  it.each([
    ['https://docs.foxapi.cc/tasks', 'https://docs.foxapi.cc/tasks'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:help@foxapi.cc', 'mailto:help@foxapi.cc'],
    ['  https://example.com/a b ', 'https://example.com/a%20b'],
  ])('keeps %s', (address, expected) => {
    expect(safeLink(address)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'x',
    '/api/save?url=x',
    '#fn-1',
    '',
  ])('refuses %s', (address) => {
    expect(safeLink(address)).toBeUndefined()
  })
})
