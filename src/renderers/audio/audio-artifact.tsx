import type { AudioArtifact as Audio, TaskView } from '../../api/task-view'
import { ArtifactCard, Fact } from '../artifact-card'
import { SaveButton } from '../save-button'

export function AudioArtifact({ artifact, task }: { artifact: Audio; task: TaskView }) {
  return (
    <ArtifactCard
      footer={
        <>
          <span className="mr-auto font-medium">Audio {artifact.index + 1}</span>
          {artifact.duration !== undefined && <Fact label="Duration">{`${artifact.duration} s`}</Fact>}
          {artifact.contentType && <Fact label="Type">{artifact.contentType}</Fact>}
          <SaveButton task={task} artifact={artifact} />
        </>
      }
    >
      <div className="p-3">
        <audio controls preload="metadata" src={artifact.url} aria-label={`Audio result ${artifact.index + 1}`} className="w-full" />
      </div>
    </ArtifactCard>
  )
}
