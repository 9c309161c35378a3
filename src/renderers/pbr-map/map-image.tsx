// A map or texture as a square tile that links to the full-size file, reporting the pixel size
// the browser actually decoded (what a result says about itself is often missing or wrong).
import type { ReactNode } from 'react'

export type Loaded = { width: number; height: number } | 'failed' | undefined

export function formatSize(loaded: Loaded): string | undefined {
  return loaded && loaded !== 'failed' ? `${loaded.width}×${loaded.height}` : undefined
}

export function MapImage({
  url,
  alt,
  loaded,
  onLoaded,
  children,
}: {
  url: string
  alt: string
  loaded: Loaded
  onLoaded: (loaded: Loaded) => void
  /** Drawn over the image instead of it, when set (a tiling preview, say). */
  children?: ReactNode
}) {
  if (loaded === 'failed') {
    return (
      <p className="flex aspect-square items-center justify-center bg-stone-100 p-6 text-center text-sm text-stone-600 dark:bg-stone-800 dark:text-stone-300">
        This file could not be loaded. Result links expire 24 hours after the task finished.
      </p>
    )
  }
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      title="Open full size in a new tab"
      className="relative block aspect-square bg-stone-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-orange-500 dark:bg-stone-800"
    >
      <img
        src={url}
        alt={alt}
        loading="lazy"
        referrerPolicy="no-referrer"
        onLoad={(event) => onLoaded({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
        onError={() => onLoaded('failed')}
        className="size-full object-cover"
      />
      {children}
    </a>
  )
}
