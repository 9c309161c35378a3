import type { TaskView, TextureArtifact as Texture } from '../../api/task-view'
import { ArtifactCard } from '../artifact-card'
import { SaveButton } from '../save-button'

export function TextureArtifact({ artifact, task }: { artifact: Texture; task: TaskView }) {
  return (
    <ArtifactCard
      footer={
        <>
          <span className="mr-auto font-medium">Texture {artifact.index + 1}</span>
          <SaveButton task={task} artifact={artifact} />
        </>
      }
    >
      <a href={artifact.url} target="_blank" rel="noopener noreferrer" className="block bg-stone-100 dark:bg-stone-800">
        <img
          src={artifact.url}
          alt={`Texture ${artifact.index + 1}`}
          loading="lazy"
          referrerPolicy="no-referrer"
          className="aspect-square w-full object-cover"
        />
      </a>
    </ArtifactCard>
  )
}
