import { useState } from 'react'
import type { TaskView, VideoArtifact as Video } from '../../api/task-view'
import { CopyButton } from '../../lib/ui/copy-button'
import { ArtifactCard, Fact } from '../artifact-card'
import { formatDuration } from '../media/format-duration'
import { durationOf, hasFailed, useMediaValue } from '../media/use-media-value'
import { SaveButton } from '../save-button'

export function VideoArtifact({ artifact, task }: { artifact: Video; task: TaskView }) {
  // A state, not a ref: the facts need to re-render once the element exists.
  const [player, setPlayer] = useState<HTMLVideoElement | null>(null)
  const file = {
    duration: useMediaValue(player, durationOf),
    width: useMediaValue(player, (video) => video.videoWidth || undefined),
    height: useMediaValue(player, (video) => video.videoHeight || undefined),
  }
  // The result's own numbers win; the file fills in what the result left out.
  const duration = artifact.duration ?? file.duration
  const width = artifact.width ?? file.width
  const height = artifact.height ?? file.height
  const failed = useMediaValue(player, hasFailed) === true

  return (
    <ArtifactCard
      extra={artifact.extra}
      footer={
        <>
          <span className="mr-auto font-medium">Video {artifact.index + 1}</span>
          {duration !== undefined && <Fact label="Duration">{formatDuration(duration)}</Fact>}
          {width && height && <Fact label="Size">{`${width}×${height}`}</Fact>}
          {artifact.contentType && <Fact label="Type">{artifact.contentType}</Fact>}
          {artifact.seed !== undefined && (
            <>
              <Fact label="Seed">
                <code>{artifact.seed}</code>
              </Fact>
              <CopyButton text={artifact.seed} label="Copy seed" />
            </>
          )}
          <SaveButton task={task} artifact={artifact} />
        </>
      }
    >
      {failed && (
        <p className="flex aspect-video items-center justify-center bg-stone-100 p-6 text-center text-sm text-stone-600 dark:bg-stone-800 dark:text-stone-300">
          This video could not be loaded; its link may have expired.
        </p>
      )}
      {/* The player stays mounted when it fails: it is what holds the error. */}
      <video
        ref={setPlayer}
        controls
        preload="metadata"
        src={artifact.url}
        aria-label={`Video result ${artifact.index + 1}`}
        className={failed ? 'hidden' : 'aspect-video w-full bg-black'}
      />
    </ArtifactCard>
  )
}
