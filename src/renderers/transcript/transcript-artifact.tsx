import { useMemo } from 'react'
import type { TranscriptArtifact as Transcript, Word } from '../../api/task-view'
import { formatClock } from '../../components/format'
import { CopyButton } from '../../components/ui/copy-button'
import { ArtifactCard, Fact } from '../artifact-card'
import { speakerLabel, speakerTurns } from './speaker-turns'

function wordTitle(word: Word): string {
  if (word.start === null || word.end === null) return 'no time given'
  return `${formatClock(word.start)} – ${formatClock(word.end)}`
}

export function TranscriptArtifact({ artifact }: { artifact: Transcript }) {
  const turns = useMemo(() => speakerTurns(artifact.words), [artifact.words])
  const speakers = new Set(turns.map((turn) => turn.speaker)).size
  const wordCount = artifact.words.filter((word) => word.type === 'word').length
  return (
    <ArtifactCard
      footer={
        <>
          <span className="mr-auto font-medium">Transcript</span>
          {artifact.languageCode && (
            <Fact label="Language">
              {artifact.languageCode}
              {artifact.languageProbability !== undefined && ` (${Math.round(artifact.languageProbability * 100)}%)`}
            </Fact>
          )}
          <Fact label="Words">{wordCount}</Fact>
          <Fact label="Speakers">{speakers}</Fact>
          <CopyButton text={artifact.text} label="Copy text" />
        </>
      }
    >
      {turns.length === 0 ? (
        <p className="whitespace-pre-wrap p-4">{artifact.text}</p>
      ) : (
        <ol className="max-h-[32rem] space-y-3 overflow-y-auto p-4" aria-label="Transcript">
          {turns.map((turn, position) => (
            <li key={position} className="grid gap-1 sm:grid-cols-[8rem_1fr]">
              <p className="flex gap-2 text-sm sm:flex-col sm:gap-0">
                <span className="font-semibold">{speakerLabel(turn.speaker)}</span>
                {turn.start !== null && <span className="text-stone-500 tabular-nums dark:text-stone-400">{formatClock(turn.start)}</span>}
              </p>
              <p className="leading-relaxed">
                {turn.words.map((word, index) =>
                  word.type === 'spacing' ? (
                    <span key={index}> </span>
                  ) : word.type === 'audio_event' ? (
                    <span key={index} title={wordTitle(word)} className="mx-0.5 rounded bg-amber-100 px-1 text-sm italic text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                      {word.text}
                    </span>
                  ) : (
                    <span key={index} title={wordTitle(word)} data-start={word.start ?? undefined} className="hover:bg-orange-100 dark:hover:bg-orange-900">
                      {word.text}
                    </span>
                  ),
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </ArtifactCard>
  )
}
