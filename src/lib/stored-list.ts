// A list kept in localStorage, one key per entry (`<name>/<id>`), read through a schema (a damaged
// entry is dropped, not the list), shared with React through useSyncExternalStore, and live across
// tabs via the storage event.
//
// One key per entry, not one array: two tabs that add or remove different entries at the same
// moment then touch different keys, and both changes stay. With a whole array, each tab wrote the
// list it had read, and the last write won: Chromium dropped one of two simultaneous additions in
// 46 of 50 tries, because a tab sees another tab's write only some time after it is made.
//
// A change the browser refuses to store (storage full or switched off) stays in this tab's memory,
// so nothing on screen is lost, and useUnsaved says so; every later change tries to store it again.
//
// The schemas (and zod) are a chunk loaded only when something stored has to be read: a first
// visit, with nothing stored, never fetches them. A page with something stored loads them before
// its first render (loadStoredSchemas); what this tab wrote itself is known and never re-parsed;
// an entry another tab wrote is read once the schema has come.
import { useSyncExternalStore } from 'react'
import type { z } from 'zod/mini'
import { createChangeSignal } from './change-signal'

export type StoredList<T> = {
  /** The entries, newest first. The same array until something changes. */
  read(): T[]
  /**
   * Stores entries by id. New ones go first, in the order given; ones already stored keep their
   * place unless `toFront`. False when the browser refused to store some (they stay in memory).
   */
  put(entries: readonly T[], options?: { toFront?: boolean }): boolean
  remove(ids: readonly string[]): boolean
  useList(): T[]
  /** How many changes live only in this tab's memory, because the browser refused to store them. */
  unsaved(): number
  useUnsaved(): number
  /** True when this browser holds something of this list, read or not. */
  hasStored(): boolean
  /** Loads the schemas the list reads stored entries through. */
  load(): Promise<void>
}

type Stored<T> = { order: number; entry: T }
type Parsers<T> = { record: z.ZodMiniType<{ order: number; entry: unknown }>; entry: z.ZodMiniType<T> }

/** Every list, so a page can load the schemas of those with something stored before it renders. */
const lists = new Set<Pick<StoredList<unknown>, 'hasStored' | 'load'>>()

/** Loads the schemas of every list that has something stored (none, on a first visit). */
export function loadStoredSchemas(): Promise<unknown> {
  return Promise.all([...lists].filter((list) => list.hasStored()).map((list) => list.load()))
}

/**
 * Every list's retry of its refused changes: room made by any list's change (or another tab's) is
 * used by all of them at once, and a last try is made as the page goes away.
 */
const retries = new Set<() => void>()
const retryAll = () => retries.forEach((retry) => retry())
let retryOnLeaving = false

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    // Reading `localStorage` itself throws where storage is switched off.
    return undefined
  }
}

/**
 * A list stored under `name`. `loadEntry` gives the schema each entry is read through: a dynamic
 * import, so the schema stays out of a first visit's script.
 */
export function createStoredList<T>(name: string, loadEntry: () => Promise<z.ZodMiniType<T>>, idOf: (entry: T) => string): StoredList<T> {
  const prefix = `${name}/`
  const keyOf = (id: string) => `${prefix}${id}`
  const changes = createChangeSignal()
  /** Changes the browser refused, by key: an entry, or null for a removal. */
  const unsaved = new Map<string, Stored<T> | null>()
  let version = 0
  let cache: { version: number; records: Map<string, Stored<T>>; entries: T[] } | undefined
  let watching = false
  let parsers: Parsers<T> | undefined
  let loading: Promise<void> | undefined
  /** What each key held when last read or written here, so the same text is never parsed twice. */
  let known = new Map<string, { raw: string; record: Stored<T> }>()

  function load(): Promise<void> {
    loading ??= Promise.all([import('./stored-record'), loadEntry()]).then(
      ([{ StoredRecord }, entry]) => {
        parsers = { record: StoredRecord, entry }
        // Entries skipped for want of the schema are read now.
        changed()
      },
      (error: unknown) => {
        // Tried again by the next change, or the next entry another tab writes.
        loading = undefined
        throw error
      },
    )
    return loading
  }

  /** The record a key holds; undefined when damaged, or not readable until the schema comes. */
  function parse(key: string, raw: string | null): Stored<T> | undefined {
    if (raw === null) return undefined
    const seen = known.get(key)
    if (seen?.raw === raw) return seen.record
    if (!parsers) {
      load().catch(() => undefined)
      return undefined
    }
    try {
      const stored = parsers.record.safeParse(JSON.parse(raw))
      const entry = stored.success ? parsers.entry.safeParse(stored.data.entry) : undefined
      return stored.success && entry?.success ? { order: stored.data.order, entry: entry.data } : undefined
    } catch {
      return undefined
    }
  }

  /**
   * Earlier versions kept the whole list as an array under `name`: each entry moves to its own
   * key, older than anything added since, in the order the array had. Returns the entries that
   * could not move yet (storage full), so they are still shown.
   */
  function migrate(store: Storage): Map<string, Stored<T>> {
    const left = new Map<string, Stored<T>>()
    let legacy: unknown
    try {
      legacy = JSON.parse(store.getItem(name) ?? 'null')
    } catch {
      legacy = []
    }
    if (legacy === null) return left
    if (!parsers) {
      // Moved once the schema has come.
      load().catch(() => undefined)
      return left
    }
    const item = parsers.entry
    const entries = Array.isArray(legacy) ? legacy.flatMap((value) => {
      const entry = item.safeParse(value)
      return entry.success ? [entry.data] : []
    }) : []
    entries.forEach((entry, index) => {
      const key = keyOf(idOf(entry))
      const record = { order: -index, entry }
      try {
        if (store.getItem(key) === null) store.setItem(key, JSON.stringify(record))
      } catch {
        left.set(key, record)
      }
    })
    if (left.size === 0) store.removeItem(name)
    return left
  }

  function changed() {
    version++
    changes.notify()
  }

  function watchOtherTabs() {
    if (watching || typeof window === 'undefined') return
    watching = true
    window.addEventListener('storage', (event) => {
      // Another tab may have made room.
      retryAll()
      if (event.key !== null && event.key !== name && !event.key.startsWith(prefix)) return
      changed()
    })
    if (!retryOnLeaving) {
      retryOnLeaving = true
      window.addEventListener('pagehide', retryAll)
    }
  }

  function records(): Map<string, Stored<T>> {
    watchOtherTabs()
    if (cache?.version === version) return cache.records
    const store = storage()
    let found = new Map<string, Stored<T>>()
    const read = new Map<string, { raw: string; record: Stored<T> }>()
    if (store) {
      try {
        found = migrate(store)
        for (let i = 0; i < store.length; i++) {
          const key = store.key(i)
          if (!key?.startsWith(prefix)) continue
          const raw = store.getItem(key)
          const record = parse(key, raw)
          if (record && raw !== null) {
            found.set(key, record)
            read.set(key, { raw, record })
          }
        }
      } catch {
        // Storage switched off part way: what was read stands.
      }
    }
    known = read
    for (const [key, record] of unsaved) {
      if (record) found.set(key, record)
      else found.delete(key)
    }
    const entries = [...found.entries()]
      .sort(([keyA, a], [keyB, b]) => b.order - a.order || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
      .map(([, record]) => record.entry)
    cache = { version, records: found, entries }
    return found
  }

  function read(): T[] {
    records()
    return cache?.entries ?? []
  }

  /** Tries to store every change not yet stored; those the browser refuses stay in memory. */
  function flush() {
    const store = storage()
    if (!store) return
    for (const [key, record] of unsaved) {
      try {
        if (record) {
          const raw = JSON.stringify(record)
          store.setItem(key, raw)
          known.set(key, { raw, record })
        } else {
          store.removeItem(key)
        }
        unsaved.delete(key)
      } catch {
        // Still full: kept for the next try.
      }
    }
  }

  function retry() {
    const waiting = unsaved.size
    if (waiting === 0) return
    flush()
    if (unsaved.size !== waiting) changed()
  }
  retries.add(retry)

  function commit(changes: Map<string, Stored<T> | null>): boolean {
    if (changes.size === 0) return true
    for (const [key, record] of changes) unsaved.set(key, record)
    // This list's changes, and any other list's still waiting for room.
    retryAll()
    changed()
    // Now that something is stored, the schema is fetched: another tab's entries are then read at
    // once, and the next page load finds it in the HTTP cache.
    load().catch(() => undefined)
    return [...changes.keys()].every((key) => !unsaved.has(key))
  }

  function put(entries: readonly T[], { toFront = false }: { toFront?: boolean } = {}): boolean {
    const known = records()
    const newest = Math.max(0, ...[...known.values()].map((record) => record.order))
    // Above everything stored, and never behind the clock, so new entries lead across tabs too.
    const base = Math.max(Date.now(), newest + 1)
    const changes = new Map<string, Stored<T> | null>()
    entries.forEach((entry, index) => {
      const key = keyOf(idOf(entry))
      const stored = known.get(key)
      const order = stored && !toFront ? stored.order : base + entries.length - 1 - index
      changes.set(key, { order, entry })
    })
    return commit(changes)
  }

  function remove(ids: readonly string[]): boolean {
    return commit(new Map(ids.map((id) => [keyOf(id), null])))
  }

  function hasStored(): boolean {
    if (unsaved.size > 0) return true
    const store = storage()
    if (!store) return false
    try {
      if (store.getItem(name) !== null) return true
      for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(prefix)) return true
    } catch {
      // Storage switched off: nothing to read.
    }
    return false
  }

  const countUnsaved = () => unsaved.size
  const list: StoredList<T> = {
    read,
    put,
    remove,
    unsaved: countUnsaved,
    useList: () => useSyncExternalStore(changes.subscribe, read),
    useUnsaved: () => useSyncExternalStore(changes.subscribe, countUnsaved),
    hasStored,
    load,
  }
  lists.add(list)
  return list
}
