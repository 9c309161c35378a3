// Names inside saved files and archives, and the manifest's shape: shared by the server's Save all
// (server/save-all.ts) and the page's Save all of a kept task (src/keep/zip-kept-task.ts), which
// must write the same layout. No imports, so both the server and the page can load it.

/**
 * The most a name in a Save all plan may be: characters in all, and folders deep. File systems
 * stop at 255 bytes a name and 4,096 a path; the page's own names are a task ID (at most 512)
 * and a file name, one folder deep.
 */
export const MAX_ARCHIVE_NAME = 1024
export const MAX_ARCHIVE_DEPTH = 16

/**
 * The most bytes a Save all plan may take as a form body: a transcript of about 50,000 words
 * (five hours of speech) with its subtitles, 15 MB a 20,000 words. Past it, the page says so
 * instead of posting.
 */
export const MAX_SAVE_PLAN_BYTES = 40 * 1024 * 1024

/**
 * The most derived text files (subtitles, markdown, a task's own task.json in a zip of several)
 * one plan may carry: about 200 transcripts saved together, each with its five.
 */
export const MAX_SAVE_DERIVED = 1000

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

/**
 * Gives each name once: a repeat becomes name-2.ext, name-3.ext … Each name remembers the next
 * number to try, so a thousand copies of one name cost a thousand steps, not half a million.
 */
export function uniqueZipPaths(): (name: string) => string {
  const used = new Set<string>()
  const nextNumber = new Map<string, number>()
  // The same name given again is cleaned once: a plan of one long name a thousand times costs
  // one cleaning, not a thousand.
  const cleaned = new Map<string, string>()
  return (name) => {
    let path = cleaned.get(name)
    if (path === undefined) {
      path = zipPath(name)
      cleaned.set(name, path)
    }
    let candidate = path
    if (used.has(candidate)) {
      const extension = /\.[^./]+$/.exec(path)?.[0] ?? ''
      const stem = path.slice(0, path.length - extension.length)
      let n = nextNumber.get(path) ?? 2
      for (candidate = `${stem}-${n}${extension}`; used.has(candidate); candidate = `${stem}-${n}${extension}`) n++
      nextNumber.set(path, n + 1)
    }
    used.add(candidate)
    return candidate
  }
}
