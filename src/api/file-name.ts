// File names for saved artifacts: task ID, position (or map type), extension from the content type.
import type { UrlArtifact } from './task-view'

const EXTENSION_OF: Readonly<Record<string, string>> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif', 'image/avif': 'avif',
  'video/mp4': 'mp4', 'video/webm': 'webm', 'video/quicktime': 'mov',
  'audio/mpeg': 'mp3', 'audio/mp3': 'mp3', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/ogg': 'ogg',
  'audio/opus': 'opus', 'audio/mp4': 'm4a', 'audio/aac': 'aac', 'audio/flac': 'flac',
}

const FALLBACK_EXTENSION = { image: 'png', video: 'mp4', audio: 'mp3', 'pbr-map': 'png', texture: 'png' } as const satisfies Record<
  UrlArtifact['kind'],
  string
>

export function extensionOf(artifact: UrlArtifact): string {
  const type = artifact.contentType?.split(';')[0]?.trim().toLowerCase()
  const known = type && Object.hasOwn(EXTENSION_OF, type) ? EXTENSION_OF[type] : undefined
  if (known) return known
  try {
    const fromPath = /\.([a-z0-9]{2,5})$/i.exec(new URL(artifact.url).pathname)?.[1]
    if (fromPath) return fromPath.toLowerCase()
  } catch {
    // Not a URL we can read an extension from.
  }
  return FALLBACK_EXTENSION[artifact.kind]
}

export function fileNameFor(taskId: string, artifact: UrlArtifact): string {
  const stem = taskId.replace(/[^\w.-]+/g, '_').slice(0, 100)
  const part = artifact.kind === 'pbr-map' ? artifact.mapType.replace(/[^\w.-]+/g, '_') : String(artifact.index + 1)
  return `${stem}-${part}.${extensionOf(artifact)}`
}

export function saveHref(url: string, name: string): string {
  return `/api/save?${new URLSearchParams({ url, name }).toString()}`
}

/** The file at `url`, fetched through the foxwatch server so the page may read its bytes. */
export function sameOriginUrl(url: string): string {
  // A kept copy (blob:) is already the page's own.
  if (url.startsWith('blob:')) return url
  return `/api/file?${new URLSearchParams({ url }).toString()}`
}
