import { expect, it } from 'vitest'
import { formatArguments } from './tool-call'

it('indents arguments that are JSON', () => {
  expect(formatArguments('{"location":"Lisbon","days":[1,2]}')).toBe('{\n  "location": "Lisbon",\n  "days": [\n    1,\n    2\n  ]\n}')
})

it('leaves arguments that are not JSON as sent', () => {
  expect(formatArguments('{"location": "Lis')).toBe('{"location": "Lis')
  expect(formatArguments('')).toBe('')
})

it('leaves arguments nested too deep to indent as sent, however deep', () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
  expect(formatArguments(deep)).toBe(deep)
})
