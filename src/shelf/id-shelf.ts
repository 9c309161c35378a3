// The ID shelf: every voice_id, character_id and profile_id seen, kept in this browser. These
// IDs outlive every result URL, and people paste them into later tasks for months.
import { useSyncExternalStore } from 'react'
import { z } from 'zod'
import type { ProfileIdArtifact, TaskView } from '../api/task-view'

const STORAGE_KEY = 'foxwatch.idShelf'

export const ShelfEntry = z.object({
  id: z.string(),
  field: z.enum(['voice_id', 'character_id', 'profile_id']),
  idKind: z.enum(['kling-voice', 'minimax-voice', 'voice', 'sora-character', 'phota-profile']),
  name: z.string().optional(),
  label: z.string(),
  taskId: z.string(),
  model: z.string().optional(),
  /** When foxwatch first saw it, ms since the epoch. */
  seenAt: z.number(),
})
export type ShelfEntry = z.infer<typeof ShelfEntry>

// One bad entry (an old format, a hand edit) must not empty the shelf: it is dropped alone.
const StoredShelf = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const entry = ShelfEntry.safeParse(item)
    return entry.success ? [entry.data] : []
  }))

const listeners = new Set<() => void>()
let cache: { raw: string | null; entries: ShelfEntry[] } | undefined

function storedText(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export function readShelf(): ShelfEntry[] {
  const raw = storedText()
  if (cache?.raw === raw) return cache.entries
  let entries: ShelfEntry[]
  try {
    const parsed = StoredShelf.safeParse(JSON.parse(raw ?? '[]'))
    entries = parsed.success ? parsed.data : []
  } catch {
    entries = []
  }
  cache = { raw, entries }
  return entries
}

/** Writes the shelf; false when the browser refused (storage full or off). */
function writeShelf(entries: ShelfEntry[]): boolean {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(entries))
  } catch {
    return false
  }
  listeners.forEach((listener) => listener())
  return true
}

const sameId = (a: Pick<ShelfEntry, 'field' | 'id'>, b: Pick<ShelfEntry, 'field' | 'id'>) => a.field === b.field && a.id === b.id

/** Puts a task's IDs on the shelf; an ID already there keeps its label and first sighting. */
export function shelveIds(task: TaskView, now: number): boolean {
  const ids = task.artifacts.filter((a): a is ProfileIdArtifact => a.kind === 'profile-id')
  const shelf = readShelf()
  const fresh = ids.filter((artifact) => !shelf.some((entry) => sameId(entry, artifact)))
  if (fresh.length === 0) return true
  return writeShelf([
    ...fresh.map((artifact) => ({
      id: artifact.id,
      field: artifact.field,
      idKind: artifact.idKind,
      ...(artifact.name === undefined ? {} : { name: artifact.name }),
      label: artifact.name ?? '',
      taskId: task.id,
      ...(task.model === undefined ? {} : { model: task.model }),
      seenAt: now,
    })),
    ...shelf,
  ])
}

export function relabel(entry: ShelfEntry, label: string): boolean {
  return writeShelf(readShelf().map((e) => (sameId(e, entry) ? { ...e, label } : e)))
}

export function removeFromShelf(entry: ShelfEntry): boolean {
  return writeShelf(readShelf().filter((e) => !sameId(e, entry)))
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // Another tab writing the shelf shows here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function useShelf(): ShelfEntry[] {
  return useSyncExternalStore(subscribe, readShelf)
}
