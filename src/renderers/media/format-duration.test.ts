import { describe, expect, it } from 'vitest'
import { formatDuration } from './format-duration'

describe('formatDuration', () => {
  it.each([
    [4, '4 s'],
    [4.6, '4.6 s'],
    [4.64, '4.6 s'],
    [0, '0 s'],
    [59.96, '1:00'],
    [65, '1:05'],
    [3725, '1:02:05'],
    [Number.NaN, '–'],
    [Number.POSITIVE_INFINITY, '–'],
  ])('%s seconds reads %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text))
})
