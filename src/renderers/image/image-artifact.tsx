import type { ImageArtifact as Image, TaskView } from '../../api/task-view'
import { ArtifactCard, Fact } from '../artifact-card'
import { SaveButton } from '../save-button'

export function ImageArtifact({ artifact, task }: { artifact: Image; task: TaskView }) {
  const size = artifact.width && artifact.height ? `${artifact.width}×${artifact.height}` : undefined
  return (
    <ArtifactCard
      footer={
        <>
          <span className="mr-auto font-medium">Image {artifact.index + 1}</span>
          {size && <Fact label="Size">{size}</Fact>}
          <SaveButton task={task} artifact={artifact} />
        </>
      }
    >
      <a href={artifact.url} target="_blank" rel="noopener noreferrer" className="block bg-stone-100 dark:bg-stone-800">
        <img
          src={artifact.url}
          alt={`Result ${artifact.index + 1} of ${task.model ?? 'the task'}`}
          loading="lazy"
          referrerPolicy="no-referrer"
          className="aspect-square w-full object-contain"
        />
      </a>
    </ArtifactCard>
  )
}
