import { describe, expect, it } from 'vitest'
import type { Word } from '../../api/task-view'
import { findMatches, readingRows, rowOf, speakersOf, timedWords, wordAt } from './transcript-index'

const word = (text: string, start: number | null, end: number | null, speaker = 'speaker_0', type = 'word'): Word =>
  ({ text, start, end, type, speaker, logprob: undefined })

const words: Word[] = [
  word('Hello,', 0, 0.5), word(' ', 0.5, 0.6, 'speaker_0', 'spacing'), word('world.', 0.6, 1),
  word('(laughter)', 1.2, 2, 'speaker_1', 'audio_event'), word('Hi', 2.1, 2.4, 'speaker_1'), word('again', null, null, 'speaker_1'),
]

describe('readingRows', () => {
  it('starts a row at each change of speaker, spacing joining the row before', () => {
    expect(readingRows(words)).toEqual([
      { speaker: 'speaker_0', start: 0, turnStart: true, from: 0, to: 2 },
      { speaker: 'speaker_1', start: 1.2, turnStart: true, from: 3, to: 5 },
    ])
  })

  it('breaks a long turn into rows that continue it', () => {
    const long = Array.from({ length: 5 }, (_, i) => word(`w${i}`, i, i + 0.5))
    const rows = readingRows(long, 2)
    expect(rows.map((r) => [r.from, r.to, r.turnStart])).toEqual([[0, 1, true], [2, 3, false], [4, 4, false]])
    expect(rowOf(rows, 3)).toBe(1)
    expect(rowOf(rows, 9)).toBe(-1)
  })
})

describe('timed lookups', () => {
  const timed = timedWords(words)

  it('leaves out spacing and words without times', () => {
    expect(timed.map((t) => t.index)).toEqual([0, 2, 3, 4])
  })

  it.each([
    [0.2, 0], [0.55, -1], [0.7, 2], [1.5, 3], [2.3, 4], [5, -1], [-1, -1],
  ])('at %s s the word is %s', (time, index) => {
    expect(wordAt(timed, time)).toBe(index)
  })

  it('finds the last of 100,000 words', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => word('w', i * 0.3, i * 0.3 + 0.2))
    const index = timedWords(many)
    expect(wordAt(index, 29_999.8)).toBe(99_999)
  })
})

describe('findMatches and speakersOf', () => {
  it('finds words ignoring case and punctuation', () => {
    expect(findMatches(words, 'HELLO')).toEqual([0])
    expect(findMatches(words, 'laughter')).toEqual([3])
    expect(findMatches(words, '  ')).toEqual([])
  })

  it('lists speakers in order of appearance', () => {
    expect(speakersOf(words)).toEqual(['speaker_0', 'speaker_1'])
  })
})
