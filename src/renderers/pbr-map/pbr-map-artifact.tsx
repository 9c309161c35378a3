import type { PbrMapArtifact as PbrMap, TaskView } from '../../api/task-view'
import { ArtifactCard } from '../artifact-card'
import { SaveButton } from '../save-button'
import { mapTypeOf } from './map-types'

export function PbrMapArtifact({ artifact, task }: { artifact: PbrMap; task: TaskView }) {
  const type = mapTypeOf(artifact.mapType)
  // Say what was sent only when foxwatch folded another vendor's name in (albedo → Base color).
  const renamed = type.key !== artifact.mapType.trim().toLowerCase()
  return (
    <ArtifactCard
      footer={
        <>
          <span className="mr-auto font-medium">
            {type.label}
            {renamed && <span className="font-normal text-stone-500 dark:text-stone-400"> (sent as {artifact.mapType})</span>}
          </span>
          <SaveButton task={task} artifact={artifact} />
        </>
      }
    >
      <a href={artifact.url} target="_blank" rel="noopener noreferrer" className="block bg-stone-100 dark:bg-stone-800">
        <img
          src={artifact.url}
          alt={`${type.label} map`}
          loading="lazy"
          referrerPolicy="no-referrer"
          className="aspect-square w-full object-cover"
        />
      </a>
    </ArtifactCard>
  )
}
