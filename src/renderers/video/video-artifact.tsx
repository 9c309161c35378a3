import type { TaskView, VideoArtifact as Video } from '../../api/task-view'
import { CopyButton } from '../../components/ui/copy-button'
import { ArtifactCard, Fact } from '../artifact-card'
import { SaveButton } from '../save-button'

export function VideoArtifact({ artifact, task }: { artifact: Video; task: TaskView }) {
  return (
    <ArtifactCard
      footer={
        <>
          <span className="mr-auto font-medium">Video {artifact.index + 1}</span>
          {artifact.width && artifact.height && <Fact label="Size">{`${artifact.width}×${artifact.height}`}</Fact>}
          {artifact.duration !== undefined && <Fact label="Duration">{`${artifact.duration} s`}</Fact>}
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
      <video
        controls
        preload="metadata"
        src={artifact.url}
        aria-label={`Video result ${artifact.index + 1}`}
        className="aspect-video w-full bg-black"
      />
    </ArtifactCard>
  )
}
