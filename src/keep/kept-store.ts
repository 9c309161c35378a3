// What is kept in this browser's origin private file system, as the page shows it: the list of
// kept tasks and the storage estimate, shared with React. Listing costs little; reading a kept
// task's meta.json needs its schema (kept-meta.ts), a chunk fetched only when something is kept.
// Keeping and removing are kept-files.ts.
import { useSyncExternalStore } from 'react'
import { createChangeSignal } from '../lib/change-signal'
import type { KeptTask } from './kept-meta'

const ROOT = 'foxwatch-kept'

export type StorageUse = { usage: number; quota: number }

export type KeepSnapshot = {
  /** False until the first listing has been read, so nothing claims "not kept" too early. */
  loaded: boolean
  /** False where this browser has no origin private file system. */
  available: boolean
  /** True when something is kept but the page could not fetch what reads it (the server is gone). */
  unreadable: boolean
  tasks: readonly KeptTask[]
  keeping: ReadonlySet<string>
  /** The last failed keep or remove, per task, as a sentence. */
  problems: ReadonlyMap<string, string>
  storage: StorageUse | undefined
}

let snapshot: KeepSnapshot = { loaded: false, available: true, unreadable: false, tasks: [], keeping: new Set(), problems: new Map(), storage: undefined }
const changes = createChangeSignal()

export const readKept = () => snapshot

export function publishKept(change: Partial<KeepSnapshot>) {
  snapshot = { ...snapshot, ...change }
  changes.notify()
}

export function isKeepAvailable(): boolean {
  return typeof navigator !== 'undefined' && 'storage' in navigator && typeof navigator.storage.getDirectory === 'function'
}

export async function keptRoot(): Promise<FileSystemDirectoryHandle> {
  const origin = await navigator.storage.getDirectory()
  return origin.getDirectoryHandle(ROOT, { create: true })
}

async function readStorage(): Promise<StorageUse | undefined> {
  try {
    const estimate = await navigator.storage.estimate()
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 }
  } catch {
    return undefined
  }
}

let refreshing: Promise<void> | undefined

/** Re-reads the kept tasks and the browser's storage estimate. */
export function refreshKept(): Promise<void> {
  if (!isKeepAvailable()) {
    publishKept({ loaded: true, available: false })
    return Promise.resolve()
  }
  refreshing ??= (async () => {
    try {
      const folders: FileSystemDirectoryHandle[] = []
      for await (const [, handle] of (await keptRoot()).entries()) {
        if (handle.kind === 'directory') folders.push(handle)
      }
      const reader = folders.length === 0 ? undefined : await import('./kept-meta').catch(() => null)
      if (reader === null) {
        // Still not loaded, so nothing claims a kept task is not kept; the next look tries again.
        publishKept({ unreadable: true })
        return
      }
      const tasks = reader ? await reader.readKeptTasks(folders) : []
      publishKept({ loaded: true, unreadable: false, tasks, storage: await readStorage() })
    } catch {
      publishKept({ loaded: true, available: false })
    }
  })().finally(() => {
    refreshing = undefined
  })
  return refreshing
}

/** Subscribing is what first reads the kept tasks from storage. */
function subscribe(listener: () => void): () => void {
  const leave = changes.subscribe(listener)
  if (!snapshot.loaded && !refreshing) void refreshKept()
  return leave
}

export function useKept(): KeepSnapshot {
  return useSyncExternalStore(subscribe, readKept)
}

export function useKeptTask(taskId: string): KeptTask | undefined {
  return useKept().tasks.find((task) => task.meta.taskId === taskId)
}
