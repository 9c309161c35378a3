import { useState } from 'react'
import type { TaskView, TextureArtifact as Texture } from '../../api/task-view'
import { Button } from '../../lib/ui/button'
import { ArtifactCard, Fact } from '../artifact-card'
import { formatSize, MapImage, type Loaded } from '../pbr-map/map-image'
import { SaveButton } from '../save-button'

export function TextureArtifact({ artifact, task }: { artifact: Texture; task: TaskView }) {
  const [loaded, setLoaded] = useState<Loaded>(undefined)
  const [tiled, setTiled] = useState(false)
  const name = `Texture ${artifact.index + 1}`
  const size = formatSize(loaded)
  return (
    <ArtifactCard
      extra={artifact.extra}
      footer={
        <>
          <span className="flex w-full items-center gap-3">
            <span className="mr-auto font-medium">{name}</span>
            {loaded !== 'failed' && (
              <Button
                aria-pressed={tiled}
                variant={tiled ? 'primary' : 'secondary'}
                onClick={() => setTiled(!tiled)}
                title="Repeat the texture 3×3 to check that its edges meet"
              >
                Tile 3×3
              </Button>
            )}
          </span>
          <span className="mr-auto">{size && <Fact label="Size">{size}</Fact>}</span>
          <SaveButton task={task} artifact={artifact} />
        </>
      }
    >
      <MapImage url={artifact.url} alt={name} loaded={loaded} onLoaded={setLoaded}>
        {tiled && (
          // Nine copies at a third of the size: a seam shows as a line or a jump where copies meet.
          <div
            role="img"
            aria-label={`${name}, tiled 3×3`}
            className="absolute inset-0 bg-repeat"
            style={{ backgroundImage: `url(${JSON.stringify(artifact.url)})`, backgroundSize: `${100 / 3}% ${100 / 3}%` }}
          />
        )}
      </MapImage>
    </ArtifactCard>
  )
}
