// Names inside saved files and archives, and the manifest's shape: shared by the server's Save all
// (server/save-all.ts) and the page's Save all of a kept task (src/keep/zip-kept-task.ts), which
// must write the same layout. No imports, so both the server and the page can load it.

/** One entry of manifest.json, field for field. */
export type ManifestEntry = {
  name: string
  url: string | null
  size: number
  content_type: string | null
  sha256: string | null
  saved_at: string
  error?: string
}

/** A file name made safe for any disk: word characters, dots and dashes, at most 120. */
export function safeFileName(name: string | null): string {
  const cleaned = (name ?? '').replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '').slice(0, 120)
  return cleaned || 'foxwatch-download'
}

/** A path inside the zip: each folder and file name made safe, never climbing out. */
export function zipPath(name: string): string {
  return name.split('/').filter((part) => part !== '' && part !== '.' && part !== '..').map(safeFileName).join('/') || 'file'
}

/** Gives each name once: a repeat becomes name-2.ext, name-3.ext … */
export function uniqueZipPaths(): (name: string) => string {
  const used = new Set<string>()
  return (name) => {
    let candidate = zipPath(name)
    for (let n = 2; used.has(candidate); n++) candidate = zipPath(name).replace(/(\.[^./]+)?$/, `-${n}$1`)
    used.add(candidate)
    return candidate
  }
}
