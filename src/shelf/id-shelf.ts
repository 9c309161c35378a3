// The ID shelf: every voice_id, character_id and profile_id seen, kept in this browser. These
// IDs outlive every result URL, and people paste them into later tasks for months.
import type { ProfileIdArtifact, TaskView } from '../api/task-view'
import { createStoredList } from '../lib/stored-list'
import type { ShelfEntry } from './shelf-entry'

const STORAGE_KEY = 'foxwatch.idShelf'

const shelf = createStoredList(STORAGE_KEY, () => import('./shelf-entry').then((module) => module.ShelfEntry), (entry) => `${entry.field}:${entry.id}`)

export const readShelf = shelf.read
/** True when this browser holds an ID shelf, read or not. */
export const hasShelved = shelf.hasStored

const sameId = (a: Pick<ShelfEntry, 'field' | 'id'>, b: Pick<ShelfEntry, 'field' | 'id'>) => a.field === b.field && a.id === b.id

/** Puts a task's IDs on the shelf; an ID already there keeps its label and first sighting. */
export function shelveIds(task: TaskView, now: number): boolean {
  const ids = task.artifacts.filter((a): a is ProfileIdArtifact => a.kind === 'profile-id')
  const shelved = readShelf()
  const fresh = ids.filter((artifact) => !shelved.some((entry) => sameId(entry, artifact)))
  if (fresh.length === 0) return true
  return shelf.put(
    fresh.map((artifact) => ({
      id: artifact.id,
      field: artifact.field,
      idKind: artifact.idKind,
      ...(artifact.name === undefined ? {} : { name: artifact.name }),
      label: artifact.name ?? '',
      taskId: task.id,
      ...(task.model === undefined ? {} : { model: task.model }),
      seenAt: now,
    })),
  )
}

export function relabel(entry: ShelfEntry, label: string): boolean {
  const stored = readShelf().find((e) => sameId(e, entry))
  return stored ? shelf.put([{ ...stored, label }]) : true
}

export function removeFromShelf(entry: ShelfEntry): boolean {
  return shelf.remove([`${entry.field}:${entry.id}`])
}

export function useShelf(): ShelfEntry[] {
  return shelf.useList()
}

/** Changes to the shelf this browser refused to store: they last only as long as the tab. */
export const useUnsavedShelf = shelf.useUnsaved
