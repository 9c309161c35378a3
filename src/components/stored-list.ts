// A list kept in localStorage, read through a schema (one damaged entry is dropped, not the list),
// shared with React through useSyncExternalStore, and live across tabs via the storage event.
import { useSyncExternalStore } from 'react'
import { z } from 'zod'

export type StoredList<T> = {
  read(): T[]
  /** Writes the list; false when the browser refused (storage full or switched off). */
  write(entries: T[]): boolean
  useList(): T[]
}

export function createStoredList<T>(key: string, item: z.ZodType<T>): StoredList<T> {
  const Stored = z.array(z.unknown()).transform((items) =>
    items.flatMap((value) => {
      const entry = item.safeParse(value)
      return entry.success ? [entry.data] : []
    }))
  const listeners = new Set<() => void>()
  let cache: { raw: string | null; entries: T[] } | undefined

  function stored(): string | null {
    try {
      return localStorage.getItem(key)
    } catch {
      return null
    }
  }

  function read(): T[] {
    const raw = stored()
    // The same text gives the same array, so React sees no change where there is none.
    if (cache?.raw === raw) return cache.entries
    let entries: T[]
    try {
      const parsed = Stored.safeParse(JSON.parse(raw ?? '[]'))
      entries = parsed.success ? parsed.data : []
    } catch {
      entries = []
    }
    cache = { raw, entries }
    return entries
  }

  function write(entries: T[]): boolean {
    try {
      localStorage.setItem(key, JSON.stringify(entries))
    } catch {
      return false
    }
    listeners.forEach((listener) => listener())
    return true
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener)
    const onStorage = (event: StorageEvent) => {
      if (event.key === key) listener()
    }
    window.addEventListener('storage', onStorage)
    return () => {
      listeners.delete(listener)
      window.removeEventListener('storage', onStorage)
    }
  }

  return { read, write, useList: () => useSyncExternalStore(subscribe, read) }
}
