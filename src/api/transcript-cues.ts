// Subtitle cues built from a transcript's words, and the export formats built from cues.
import type { TranscriptArtifact, Word } from './task-view'
import { speakerLabel } from './speaker-label'

export type Cue = { start: number; end: number; speaker: string | undefined; text: string }

export const CUE_RULES = {
  /** A silence longer than this starts a new cue. */
  pauseSeconds: 0.8,
  /** Two lines of 42 characters, the usual subtitle limit. */
  maxChars: 84,
  maxSeconds: 6,
} as const

type Timed = Word & { start: number; end: number }

function isTimed(word: Word): word is Timed {
  return word.start !== null && word.end !== null && word.end >= word.start
}

/**
 * Cues split where the speaker changes, after a long pause, and before a cue grows past a
 * readable length or duration. Words without times join the cue they fall in but never start
 * one; spacing entries only supply the spaces.
 */
export function buildCues(words: readonly Word[], rules = CUE_RULES): Cue[] {
  const cues: Cue[] = []
  let current: Cue | undefined
  for (const word of words) {
    if (word.type === 'spacing') continue
    if (!isTimed(word)) {
      if (current) current.text += ` ${word.text}`
      continue
    }
    const text = word.text.trim()
    if (text === '') continue
    const split = !current
      || word.speaker !== current.speaker
      || word.start - current.end > rules.pauseSeconds
      || current.text.length + 1 + text.length > rules.maxChars
      || word.end - current.start > rules.maxSeconds
    if (split) {
      current = { start: word.start, end: word.end, speaker: word.speaker, text }
      cues.push(current)
    } else if (current) {
      current.text += ` ${text}`
      current.end = Math.max(current.end, word.end)
    }
  }
  return cues
}

function timestamp(seconds: number, separator: ',' | '.'): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000))
  const ms = totalMs % 1000
  const totalSeconds = Math.floor(totalMs / 1000)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}${separator}${pad(ms, 3)}`
}

/** Two lines at most: break at the space nearest the middle when a cue is long. */
function wrap(text: string): string {
  if (text.length <= CUE_RULES.maxChars / 2) return text
  const middle = text.length / 2
  let best = -1
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    if (best === -1 || Math.abs(i - middle) < Math.abs(best - middle)) best = i
  }
  return best === -1 ? text : `${text.slice(0, best)}\n${text.slice(best + 1)}`
}

export function toSrt(cues: readonly Cue[]): string {
  return cues
    .map((cue, i) => `${i + 1}\n${timestamp(cue.start, ',')} --> ${timestamp(cue.end, ',')}\n${wrap(cue.text)}\n`)
    .join('\n')
}

/** WebVTT with voice tags, so players can show who is speaking. */
export function toVtt(cues: readonly Cue[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const body = cues.map((cue) => {
    const voice = cue.speaker === undefined ? '' : `<v ${escape(speakerLabel(cue.speaker))}>`
    return `${timestamp(cue.start, '.')} --> ${timestamp(cue.end, '.')}\n${voice}${escape(wrap(cue.text))}\n`
  })
  return `WEBVTT\n\n${body.join('\n')}`
}

/** One paragraph per cue-sized run of one speaker, labelled. */
export function toPlainText(cues: readonly Cue[]): string {
  const paragraphs: string[] = []
  let speaker: string | undefined | null = null
  for (const cue of cues) {
    if (cue.speaker !== speaker) {
      paragraphs.push(`${speakerLabel(cue.speaker)}: ${cue.text}`)
      speaker = cue.speaker
    } else {
      paragraphs[paragraphs.length - 1] += ` ${cue.text}`
    }
  }
  return `${paragraphs.join('\n\n')}\n`
}

export function toJson(transcript: TranscriptArtifact): string {
  const { text, languageCode, languageProbability, words } = transcript
  return `${JSON.stringify({ text, language_code: languageCode, language_probability: languageProbability, words: words.map((w) => ({
    text: w.text, start: w.start, end: w.end, type: w.type, speaker_id: w.speaker, logprob: w.logprob,
  })) }, null, 2)}\n`
}
