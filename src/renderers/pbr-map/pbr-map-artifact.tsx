import { useState } from 'react'
import type { PbrMapArtifact as PbrMap, TaskView } from '../../api/task-view'
import { ArtifactCard, Fact } from '../artifact-card'
import { SaveButton } from '../save-button'
import { formatSize, MapImage, type Loaded } from './map-image'
import { mapTypeOf } from './map-types'

export function PbrMapArtifact({ artifact, task }: { artifact: PbrMap; task: TaskView }) {
  const [loaded, setLoaded] = useState<Loaded>(undefined)
  const type = mapTypeOf(artifact.mapType)
  // Say what was sent only when foxwatch folded another vendor's name in (albedo → Base color).
  const renamed = type.key !== artifact.mapType.trim().toLowerCase()
  const size = formatSize(loaded)
  return (
    <ArtifactCard
      extra={artifact.extra}
      footer={
        <>
          {/* A line of its own, so size and Save line up across tiles whatever the label's length. */}
          <span className="w-full font-medium">
            {type.label}
            {renamed && <span className="font-normal text-stone-500 dark:text-stone-400"> (sent as {artifact.mapType})</span>}
          </span>
          <span className="mr-auto">{size && <Fact label="Size">{size}</Fact>}</span>
          <SaveButton task={task} artifact={artifact} />
        </>
      }
    >
      <MapImage url={artifact.url} alt={`${type.label} map`} loaded={loaded} onLoaded={setLoaded} />
    </ArtifactCard>
  )
}
