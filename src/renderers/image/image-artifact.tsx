import { useCallback, useRef, useState } from 'react'
import type { ImageArtifact as Image, TaskView } from '../../api/task-view'
import { ArtifactCard, Fact } from '../artifact-card'
import { SaveButton } from '../save-button'
import { UNLOADABLE_IMAGE, imageAlt, naturalSizeOf, pixelSize, settledState, type LoadState } from './image-facts'
import { Lightbox } from './lightbox'
import { formatPixels } from './zoom'

function isImage(artifact: TaskView['artifacts'][number]): artifact is Image {
  return artifact.kind === 'image'
}

export function ImageArtifact({ artifact, task }: { artifact: Image; task: TaskView }) {
  const [loaded, setLoaded] = useState<LoadState>(undefined)
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const size = pixelSize(artifact, loaded)
  const catchUp = useCallback((image: HTMLImageElement | null) => {
    const settled = settledState(image)
    if (settled) setLoaded(settled)
  }, [])
  // Each card can open the viewer, which then walks every image of the task, not just this one.
  const images = task.artifacts.filter(isImage)
  const start = Math.max(0, images.findIndex((image) => image.index === artifact.index))

  function close() {
    setOpen(false)
    opener.current?.focus()
  }

  return (
    <ArtifactCard
      extra={artifact.extra}
      footer={
        <>
          <span className="mr-auto font-medium">Image {artifact.index + 1}</span>
          {size && <Fact label="Size">{formatPixels(size)}</Fact>}
          <SaveButton task={task} artifact={artifact} />
        </>
      }
    >
      <div className="aspect-square bg-stone-100 dark:bg-stone-800">
        {loaded === 'failed' ? (
          <p className="flex h-full items-center justify-center p-6 text-center text-sm text-stone-600 dark:text-stone-300">
            {UNLOADABLE_IMAGE}
          </p>
        ) : (
          <button
            ref={opener}
            type="button"
            onClick={() => setOpen(true)}
            aria-label={`Open image ${artifact.index + 1} in the viewer`}
            className="block h-full w-full cursor-zoom-in focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-orange-500"
          >
            <img
              ref={catchUp}
              src={artifact.url}
              alt={imageAlt(artifact, task)}
              loading="lazy"
              referrerPolicy="no-referrer"
              onLoad={(event) => setLoaded(naturalSizeOf(event.currentTarget))}
              onError={() => setLoaded('failed')}
              className="h-full w-full object-contain"
            />
          </button>
        )}
      </div>
      {open && <Lightbox task={task} images={images} start={start} onClose={close} />}
    </ArtifactCard>
  )
}
