// Groups a transcript's words into speaker turns for reading.
import type { Word } from '../../api/task-view'

export type Turn = { speaker: string | undefined; start: number | null; words: Word[] }

export function speakerTurns(words: readonly Word[]): Turn[] {
  const turns: Turn[] = []
  for (const word of words) {
    const current = turns.at(-1)
    if (current && (word.type === 'spacing' || word.speaker === current.speaker)) {
      current.words.push(word)
      if (current.start === null) current.start = word.start
    } else if (word.type !== 'spacing') {
      turns.push({ speaker: word.speaker, start: word.start, words: [word] })
    }
  }
  return turns
}

/** "speaker_0" reads better as "Speaker 1". */
export function speakerLabel(speaker: string | undefined): string {
  if (speaker === undefined) return 'Speaker'
  const number = /^speaker_(\d+)$/.exec(speaker)?.[1]
  return number === undefined ? speaker : `Speaker ${Number(number) + 1}`
}
