// What the grid card and the lightbox both say about an image.
import type { ImageArtifact, TaskView } from '../../api/task-view'
import type { Size } from './zoom'

/** Loaded pixels, or the load failed; undefined while loading. */
export type LoadState = Size | 'failed' | undefined

export const UNLOADABLE_IMAGE = 'This image could not be loaded; its link may have expired.'

export function imageAlt(artifact: ImageArtifact, task: TaskView): string {
  return `Result ${artifact.index + 1} of ${task.model ?? 'the task'}`
}

/** The real pixels once the browser has them, else what the result claimed. */
export function pixelSize(artifact: ImageArtifact, loaded: LoadState): Size | undefined {
  if (loaded && loaded !== 'failed') return loaded
  return artifact.width && artifact.height ? { width: artifact.width, height: artifact.height } : undefined
}

export function naturalSizeOf(image: HTMLImageElement): Size {
  return { width: image.naturalWidth, height: image.naturalHeight }
}

/**
 * The load state of an image already settled when React attaches it: React drops load and error
 * events that fire before its element is committed, which a cached image easily does.
 */
export function settledState(image: HTMLImageElement | null): LoadState {
  if (!image?.complete || !image.currentSrc) return undefined
  return image.naturalWidth > 0 ? naturalSizeOf(image) : 'failed'
}
