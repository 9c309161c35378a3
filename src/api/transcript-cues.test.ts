import { describe, expect, it } from 'vitest'
import type { Word } from './task-view'
import { buildCues, CUE_RULES, toJson, toPlainText, toSrt, toVtt } from './transcript-cues'

const word = (text: string, start: number | null, end: number | null, speaker = 'speaker_0', type = 'word'): Word =>
  ({ text, start, end, type, speaker, logprob: undefined })
const space = (start: number, end: number, speaker = 'speaker_0'): Word => word(' ', start, end, speaker, 'spacing')

describe('buildCues', () => {
  it('joins words of one speaker into one cue', () => {
    const cues = buildCues([word('Hello', 0, 0.4), space(0.4, 0.5), word('there.', 0.5, 0.9)])
    expect(cues).toEqual([{ start: 0, end: 0.9, speaker: 'speaker_0', text: 'Hello there.' }])
  })

  it('splits on a change of speaker', () => {
    const cues = buildCues([word('Hi.', 0, 0.3), word('Hello.', 0.4, 0.8, 'speaker_1')])
    expect(cues.map((c) => c.speaker)).toEqual(['speaker_0', 'speaker_1'])
  })

  it('splits after a long pause', () => {
    const cues = buildCues([word('One.', 0, 0.3), word('Two.', 0.3 + CUE_RULES.pauseSeconds + 0.1, 2)])
    expect(cues).toHaveLength(2)
  })

  it('keeps cues within the length and duration limits', () => {
    const words = Array.from({ length: 200 }, (_, i) => word('word', i * 0.3, i * 0.3 + 0.25))
    const cues = buildCues(words)
    for (const cue of cues) {
      expect(cue.text.length).toBeLessThanOrEqual(CUE_RULES.maxChars)
      expect(cue.end - cue.start).toBeLessThanOrEqual(CUE_RULES.maxSeconds)
    }
    expect(cues.map((c) => c.text).join(' ').split(' ')).toHaveLength(200)
  })

  it('lets words without times join a cue but never start one', () => {
    expect(buildCues([word('lost', null, null), word('Found', 1, 1.2), word('too', null, 2)])).toEqual([
      { start: 1, end: 1.2, speaker: 'speaker_0', text: 'Found too' },
    ])
  })

  it('keeps audio events as cues of their own kind of text', () => {
    const cues = buildCues([word('(laughter)', 0, 1, 'speaker_0', 'audio_event')])
    expect(cues[0]?.text).toBe('(laughter)')
  })
})

describe('exports', () => {
  const cues = buildCues([word('Hello', 0.5, 0.9), word('<b>bold</b>', 3725.25, 3726, 'speaker_1')])

  it('writes SRT with comma milliseconds and hour fields', () => {
    expect(toSrt(cues)).toBe('1\n00:00:00,500 --> 00:00:00,900\nHello\n\n2\n01:02:05,250 --> 01:02:06,000\n<b>bold</b>\n')
  })

  it('writes WebVTT with voices and escaped text', () => {
    const vtt = toVtt(cues)
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true)
    expect(vtt).toContain('00:00:00.500 --> 00:00:00.900\n<v Speaker 1>Hello')
    expect(vtt).toContain('<v Speaker 2>&lt;b&gt;bold&lt;/b&gt;')
  })

  it('writes plain text by speaker', () => {
    expect(toPlainText(cues)).toBe('Speaker 1: Hello\n\nSpeaker 2: <b>bold</b>\n')
  })

  it('writes JSON in the scribe-v2 shape', () => {
    const json: unknown = JSON.parse(toJson({ kind: 'transcript', index: 0, text: 'Hi', languageCode: 'en', languageProbability: 0.9, words: [word('Hi', 0, 1)] }))
    expect(json).toEqual({ text: 'Hi', language_code: 'en', language_probability: 0.9, words: [{ text: 'Hi', start: 0, end: 1, type: 'word', speaker_id: 'speaker_0' }] })
  })
})
