import { useState } from 'react'
import type { AudioArtifact as Audio, TaskView } from '../../api/task-view'
import { ArtifactCard, Fact } from '../artifact-card'
import { sameOriginUrl } from '../../api/file-name'
import { SaveButton } from '../save-button'
import { formatDuration } from '../media/format-duration'
import { durationOf, hasFailed, useMediaValue } from '../media/use-media-value'
import { Waveform } from './waveform'

export function AudioArtifact({ artifact, task }: { artifact: Audio; task: TaskView }) {
  // A state, not a ref: the facts and the waveform need to re-render once the element exists.
  const [player, setPlayer] = useState<HTMLAudioElement | null>(null)
  const fileDuration = useMediaValue(player, durationOf)
  const duration = artifact.duration ?? fileDuration
  const failed = useMediaValue(player, hasFailed) === true

  return (
    <ArtifactCard
      extra={artifact.extra}
      footer={
        <>
          <span className="mr-auto font-medium">Audio {artifact.index + 1}</span>
          {duration !== undefined && <Fact label="Duration">{formatDuration(duration)}</Fact>}
          {artifact.contentType && <Fact label="Type">{artifact.contentType}</Fact>}
          <SaveButton task={task} artifact={artifact} />
        </>
      }
    >
      {failed && (
        <p className="bg-stone-100 p-6 text-center text-sm text-stone-600 dark:bg-stone-800 dark:text-stone-300">
          This audio could not be loaded; its link may have expired.
        </p>
      )}
      {/* The player stays mounted when it fails: it is what holds the error. */}
      <div className={failed ? 'hidden' : 'space-y-2 p-3'}>
        {!failed && <Waveform src={sameOriginUrl(artifact.url)} media={player} label={`Seek in audio ${artifact.index + 1}`} />}
        <audio
          ref={setPlayer}
          controls
          preload="metadata"
          src={artifact.url}
          aria-label={`Audio result ${artifact.index + 1}`}
          className="w-full"
        />
      </div>
    </ArtifactCard>
  )
}
