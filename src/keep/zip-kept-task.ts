// Save all for a kept task, made in the page without the server: the same layout and manifest
// as server/save-all.ts, but every result file comes from this browser's kept copy.
import { uniqueZipPaths, type ManifestEntry } from '../contract/archive-names'
import type { TaskView } from '../api/task-view'
import { savePlan } from './save-plan'
import { openKeptFiles } from './kept-files'
import type { KeptMeta } from './kept-meta'
import { storeZip, type ZipEntry } from './store-zip'
import { digestBlob, type Digest } from './hashing'

export async function zipKeptTask(task: TaskView, meta: KeptMeta): Promise<Blob> {
  const plan = savePlan(task)
  const files = await openKeptFiles(meta)
  const byUrl = new Map(meta.files.map((kept) => [kept.url, kept]))
  const unique = uniqueZipPaths()
  const entries: ZipEntry[] = []
  const manifest: ManifestEntry[] = []
  const now = new Date()

  async function add(name: string, data: Blob, url: string | null, contentType: string | null, savedAt: Date, known?: Digest) {
    // A file hashed as it was kept (and still its kept size) is not read again.
    const digest = known && known.size === data.size ? known : await digestBlob(data)
    entries.push({ name, data, crc: digest.crc32, modified: savedAt })
    manifest.push({ name, url, size: digest.size, content_type: contentType, sha256: digest.sha256, saved_at: savedAt.toISOString() })
  }

  await add(unique('task.json'), new Blob([plan.task]), null, 'application/json', now)
  for (const derived of plan.derived) await add(unique(derived.name), new Blob([derived.text]), null, null, now)
  for (const file of plan.files) {
    const name = unique(file.name)
    const kept = byUrl.get(file.url)
    const data = kept ? files.get(kept.index) : undefined
    const known = kept?.crc32 !== undefined && kept.sha256 !== undefined ? { crc32: kept.crc32, sha256: kept.sha256, size: kept.size } : undefined
    if (kept && data) await add(name, data, file.url, kept.contentType, new Date(kept.keptAt), known)
    else manifest.push({ name, url: file.url, size: 0, content_type: null, sha256: null, saved_at: now.toISOString(), error: 'This file was not kept in this browser.' })
  }
  const manifestText = `${JSON.stringify({ task_id: plan.taskId, files: manifest }, null, 2)}\n`
  const manifestBlob = new Blob([manifestText])
  entries.push({ name: unique('manifest.json'), data: manifestBlob, crc: (await digestBlob(manifestBlob)).crc32, modified: now })
  return storeZip(entries)
}
