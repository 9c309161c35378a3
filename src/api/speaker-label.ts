// How speakers are named on screen.

/** "speaker_0" reads better as "Speaker 1". */
export function speakerLabel(speaker: string | undefined): string {
  if (speaker === undefined) return 'Speaker'
  const number = /^speaker_(\d+)$/.exec(speaker)?.[1]
  return number === undefined ? speaker : `Speaker ${Number(number) + 1}`
}
