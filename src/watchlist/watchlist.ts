// The watchlist: every task the person watches, kept in this browser across reloads and tabs.
import { useSyncExternalStore } from 'react'
import { z } from 'zod'

const STORAGE_KEY = 'foxwatch.watchlist'

export const WatchEntry = z.object({ taskId: z.string().min(1), addedAt: z.number() })
export type WatchEntry = z.infer<typeof WatchEntry>

const Stored = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const entry = WatchEntry.safeParse(item)
    return entry.success ? [entry.data] : []
  }))

const listeners = new Set<() => void>()
let cache: { raw: string | null; entries: WatchEntry[] } | undefined

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export function readWatchlist(): WatchEntry[] {
  const raw = stored()
  if (cache?.raw === raw) return cache.entries
  let entries: WatchEntry[]
  try {
    const parsed = Stored.safeParse(JSON.parse(raw ?? '[]'))
    entries = parsed.success ? parsed.data : []
  } catch {
    entries = []
  }
  cache = { raw, entries }
  return entries
}

function write(entries: WatchEntry[]): boolean {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(entries))
  } catch {
    return false
  }
  listeners.forEach((listener) => listener())
  return true
}

/** Adds tasks not yet watched, newest first; returns how many were new. */
export function watchTasks(taskIds: readonly string[], now = Date.now()): number {
  const list = readWatchlist()
  const fresh = taskIds.filter((id, i) => taskIds.indexOf(id) === i && !list.some((e) => e.taskId === id))
  if (fresh.length === 0) return 0
  write([...fresh.map((taskId) => ({ taskId, addedAt: now })), ...list])
  return fresh.length
}

export function unwatch(taskIds: readonly string[]): void {
  write(readWatchlist().filter((entry) => !taskIds.includes(entry.taskId)))
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function useWatchlist(): WatchEntry[] {
  return useSyncExternalStore(subscribe, readWatchlist)
}
