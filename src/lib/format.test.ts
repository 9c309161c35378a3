import { describe, expect, it } from 'vitest'
import { formatAge, formatCreated } from './format'

const NOW = Date.UTC(2026, 10, 26, 8, 0, 0)
const MINUTE = 60_000
const HOUR = 60 * MINUTE

describe('formatAge', () => {
  it.each([
    [-5 * HOUR, '0 s'],
    [0, '0 s'],
    [59_400, '59 s'],
    [90_000, '1 min 30 s'],
    [3 * HOUR + 5 * MINUTE, '3 h 5 min'],
    [72 * HOUR, '3 days'],
  ])('%i ms reads %s, never negative', (ms, text) => {
    expect(formatAge(ms)).toBe(text)
  })
})

describe('formatCreated', () => {
  it.each([
    ['in the past', NOW - 90_000, '1 min 30 s ago'],
    ['just now', NOW, '0 s ago'],
    ['a few seconds ahead (clock noise)', NOW + 20_000, '0 s ago'],
    ['three hours ahead', NOW + 3 * HOUR, '3 h 0 min ahead of this computer’s clock'],
    ['years ahead', NOW + 3 * 365 * 24 * HOUR, '1095 days ahead of this computer’s clock'],
  ])('a task created %s', (_when, createdAt, text) => {
    const said = formatCreated(createdAt, NOW)
    expect(said).toBe(text)
    expect(said).not.toMatch(/-\d/)
  })
})
