// Lookups over a transcript's words that stay fast for an hour of speech: rows for the reading
// view, timed words sorted by start for the timeline and play-along, and search.
import type { Word } from '../../api/task-view'

/** A reading-view row: part of one speaker's turn, as a range of indexes into `words`. */
export type Row = { speaker: string | undefined; start: number | null; turnStart: boolean; from: number; to: number }

export const WORDS_PER_ROW = 40

export function readingRows(words: readonly Word[], perRow = WORDS_PER_ROW): Row[] {
  const rows: Row[] = []
  let current: (Row & { count: number }) | undefined
  words.forEach((word, index) => {
    if (word.type === 'spacing') {
      if (current) current.to = index
      return
    }
    const sameSpeaker = current !== undefined && word.speaker === current.speaker
    if (current && sameSpeaker && current.count < perRow) {
      current.to = index
      current.count++
      if (current.start === null) current.start = word.start
      return
    }
    current = { speaker: word.speaker, start: word.start, turnStart: !sameSpeaker, from: index, to: index, count: 1 }
    rows.push(current)
  })
  return rows.map(({ speaker, start, turnStart, from, to }) => ({ speaker, start, turnStart, from, to }))
}

/** A word with times, on the timeline; `index` points back into the transcript's words. */
export type TimedWord = { index: number; start: number; end: number; word: Word }

export function timedWords(words: readonly Word[]): TimedWord[] {
  const timed: TimedWord[] = []
  words.forEach((word, index) => {
    if (word.type !== 'spacing' && word.start !== null && word.end !== null) {
      timed.push({ index, start: word.start, end: Math.max(word.start, word.end), word })
    }
  })
  return timed.sort((a, b) => a.start - b.start)
}

/** Position of the last timed word starting at or before `time`, or -1. */
export function lastStartingBy(timed: readonly TimedWord[], time: number): number {
  let low = 0
  let high = timed.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    const word = timed[middle]
    if (word && word.start <= time) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return found
}

/** The word being spoken at `time` (its index into the words), or -1 between words. */
export function wordAt(timed: readonly TimedWord[], time: number): number {
  const word = timed[lastStartingBy(timed, time)]
  return word && time <= word.end ? word.index : -1
}

/** The row holding the word at `index`, by binary search over the rows' ranges. */
export function rowOf(rows: readonly Row[], index: number): number {
  let low = 0
  let high = rows.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const row = rows[middle]
    if (!row) break
    if (index < row.from) high = middle - 1
    else if (index > row.to) low = middle + 1
    else return middle
  }
  return -1
}

function normalise(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}\s]/gu, '')
}

/** Indexes of the words (and audio events) containing `query`, ignoring case and punctuation. */
export function findMatches(words: readonly Word[], query: string): number[] {
  const needle = normalise(query.trim())
  if (needle === '') return []
  const matches: number[] = []
  words.forEach((word, index) => {
    if (word.type !== 'spacing' && normalise(word.text).includes(needle)) matches.push(index)
  })
  return matches
}

/** Speakers in order of first appearance. */
export function speakersOf(words: readonly Word[]): Array<string | undefined> {
  const seen = new Set<string | undefined>()
  for (const word of words) if (word.type !== 'spacing') seen.add(word.speaker)
  return [...seen]
}
