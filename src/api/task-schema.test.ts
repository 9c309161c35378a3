import { describe, expect, it } from 'vitest'
import { readTranscriptWord, TranscriptWord } from './task-schema'

// The hand-written word reader must give exactly the answers the zod schema would.
const corpus: unknown[] = [
  { text: 'Hello', start: 0, end: 0.5, type: 'word', speaker_id: 'speaker_0', logprob: -0.1 },
  { text: ' ', start: 0.5, end: 0.6, type: 'spacing' },
  { text: '(laughter)', start: null, end: null, type: 'audio_event' },
  { text: 'no-times' },
  { text: 'odd', start: '1', end: Infinity, type: 3, speaker_id: null, logprob: 'x' },
  { text: 'nan', start: NaN, end: -0 },
  { text: 42 },
  { start: 1 },
  null, 7, 'word', [], [{ text: 'in an array' }],
]

describe('readTranscriptWord', () => {
  it.each(corpus.map((value) => [JSON.stringify(value) ?? String(value), value]))('agrees with the schema on %s', (_name, value) => {
    const parsed = TranscriptWord.safeParse(value)
    const read = readTranscriptWord(value)
    if (!parsed.success) {
      expect(read).toBeUndefined()
      return
    }
    const { text, start, end, type, speaker_id, logprob } = parsed.data
    expect(read).toEqual({ text, start, end, type, speaker_id, logprob })
  })
})
