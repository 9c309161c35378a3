// @vitest-environment jsdom
import { renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod/mini'
import { createStoredList, loadStoredSchemas, type StoredList } from './stored-list'

const Entry = z.object({ id: z.string(), note: z.optional(z.string()) })
type Entry = z.infer<typeof Entry>

/** A list as a fresh page would make it, its schema loaded (as it is before a page with something stored renders). */
async function fresh() {
  const list = createStoredList('test.list', async () => Entry, (entry: Entry) => entry.id)
  await list.load()
  return list
}
const ids = (entries: readonly Entry[]) => entries.map((e) => e.id)

/** Calls `listener` on every render the list causes, as React would be told; returns a stop. */
function subscribeTo(list: StoredList<Entry>, listener: () => void): () => void {
  const { unmount } = renderHook(() => {
    listener()
    return list.useList()
  })
  return unmount
}

/** Fills this storage to the last character, as a full disk or quota would. */
function fillStorage() {
  let size = 1 << 22
  let n = 0
  while (size > 0) {
    try {
      localStorage.setItem(`junk-${n++}`, 'x'.repeat(size))
    } catch {
      size >>= 1
    }
  }
}

function freeStorage() {
  for (const key of Object.keys(localStorage)) if (key.startsWith('junk-')) localStorage.removeItem(key)
}

beforeEach(() => localStorage.clear())

describe('a stored list', () => {
  it('keeps each entry under a key of its own, newest first, new ones in the order given', async () => {
    const list = await fresh()
    list.put([{ id: 'a' }])
    list.put([{ id: 'b' }, { id: 'c' }])
    expect(ids(list.read())).toEqual(['b', 'c', 'a'])
    expect(Object.keys(localStorage).sort()).toEqual(['test.list/a', 'test.list/b', 'test.list/c'])
    expect(ids((await fresh()).read())).toEqual(['b', 'c', 'a'])
  })

  it('leaves a known entry in its place unless asked to bring it to the front', async () => {
    const list = await fresh()
    list.put([{ id: 'a' }, { id: 'b' }])
    list.put([{ id: 'b', note: 'edited' }])
    expect(list.read()).toEqual([{ id: 'a' }, { id: 'b', note: 'edited' }])
    list.put([{ id: 'b' }], { toFront: true })
    expect(ids(list.read())).toEqual(['b', 'a'])
  })

  it('removes entries, and gives React the same array until something changes', async () => {
    const list = await fresh()
    list.put([{ id: 'a' }, { id: 'b' }])
    const before = list.read()
    expect(list.read()).toBe(before)
    list.remove(['a'])
    expect(list.read()).not.toBe(before)
    expect(ids(list.read())).toEqual(['b'])
    expect(localStorage.getItem('test.list/a')).toBeNull()
  })

  it('drops a damaged entry, not the list', async () => {
    localStorage.setItem('test.list/x', '{not json')
    localStorage.setItem('test.list/y', JSON.stringify({ order: 1, entry: { id: 7 } }))
    localStorage.setItem('test.list/z', JSON.stringify({ order: 1, entry: { id: 'z' } }))
    expect(ids((await fresh()).read())).toEqual(['z'])
  })

  it('sees entries written by another tab (two lists on one storage)', async () => {
    const one = await fresh()
    const two = await fresh()
    one.put([{ id: 'from-one' }])
    two.put([{ id: 'from-two' }])
    window.dispatchEvent(new StorageEvent('storage', { key: 'test.list/from-two' }))
    expect(ids(one.read())).toEqual(['from-two', 'from-one'])
  })
})

describe('an older whole-array list', () => {
  it('moves to a key per entry, in its order, dropping damaged entries', async () => {
    localStorage.setItem('test.list', JSON.stringify([{ id: 'newest' }, { broken: true }, { id: 'older' }]))
    const list = await fresh()
    expect(ids(list.read())).toEqual(['newest', 'older'])
    expect(localStorage.getItem('test.list')).toBeNull()
    list.put([{ id: 'added' }])
    expect(ids((await fresh()).read())).toEqual(['added', 'newest', 'older'])
  })

  it('that is garbage is dropped', async () => {
    localStorage.setItem('test.list', '{not json')
    expect((await fresh()).read()).toEqual([])
    expect(localStorage.getItem('test.list')).toBeNull()
  })
})

describe('when the browser refuses to store (storage full)', () => {
  it('keeps the change in memory, says so, loses nothing stored earlier, and stores it once there is room', async () => {
    const list = await fresh()
    list.put([{ id: 'kept-1' }, { id: 'kept-2' }])
    fillStorage()
    expect(() => localStorage.setItem('probe', 'x')).toThrow()

    expect(list.put([{ id: 'new' }])).toBe(false)
    expect(ids(list.read())).toEqual(['new', 'kept-1', 'kept-2'])
    expect(list.unsaved()).toBe(1)
    expect(list.remove(['kept-2'])).toBe(true)
    expect(ids(list.read())).toEqual(['new', 'kept-1'])
    // A fresh page sees only what was stored: the earlier entries, none lost.
    expect(ids((await fresh()).read())).toEqual(['kept-1'])

    freeStorage()
    expect(list.put([{ id: 'later' }])).toBe(true)
    expect(list.unsaved()).toBe(0)
    expect(ids((await fresh()).read())).toEqual(['later', 'new', 'kept-1'])
  })

  it("stores one list's waiting change as soon as another list's change finds room", async () => {
    const shelf = createStoredList('test.other', async () => Entry, (entry: Entry) => entry.id)
    const list = await fresh()
    fillStorage()
    expect(shelf.put([{ id: 'label' }])).toBe(false)
    freeStorage()
    expect(list.put([{ id: 'watched' }])).toBe(true)
    expect(shelf.unsaved()).toBe(0)
    expect(localStorage.getItem('test.other/label')).not.toBeNull()
  })
})

describe('the schema, loaded only when something stored must be read', () => {
  it('is not needed by a list with nothing stored, nor to read back what this tab wrote', () => {
    // A schema that never comes: everything here works without it.
    const loadEntry = vi.fn(() => new Promise<typeof Entry>(() => undefined))
    const list = createStoredList('test.lazy', loadEntry, (entry: Entry) => entry.id)
    expect(list.hasStored()).toBe(false)
    expect(list.read()).toEqual([])
    expect(loadEntry).not.toHaveBeenCalled()
    list.put([{ id: 'a' }, { id: 'b', note: 'mine' }])
    list.remove(['a'])
    expect(list.read()).toEqual([{ id: 'b', note: 'mine' }])
    expect(list.hasStored()).toBe(true)
    // Asked for once something is stored, for other tabs' entries and the next page load.
    expect(loadEntry).toHaveBeenCalledTimes(1)
  })

  it('is loaded before a page with something stored renders, for that list only', async () => {
    localStorage.setItem('test.stored/a', JSON.stringify({ order: 1, entry: { id: 'a' } }))
    const storedEntry = vi.fn(async () => Entry)
    const emptyEntry = vi.fn(async () => Entry)
    const stored = createStoredList('test.stored', storedEntry, (entry: Entry) => entry.id)
    createStoredList('test.empty', emptyEntry, (entry: Entry) => entry.id)
    await loadStoredSchemas()
    expect(storedEntry).toHaveBeenCalledTimes(1)
    expect(emptyEntry).not.toHaveBeenCalled()
    expect(ids(stored.read())).toEqual(['a'])
  })

  it("reads another tab's entry once the schema has come, and tells React", async () => {
    const loadEntry = vi.fn(async () => Entry)
    const list = createStoredList('test.tabs', loadEntry, (entry: Entry) => entry.id)
    const changed = vi.fn()
    list.put([{ id: 'mine' }])
    // The list tells React of changes through the listener useSyncExternalStore gives it.
    const unsubscribe = subscribeTo(list, changed)
    localStorage.setItem('test.tabs/theirs', JSON.stringify({ order: Date.now() + 1, entry: { id: 'theirs' } }))
    window.dispatchEvent(new StorageEvent('storage', { key: 'test.tabs/theirs' }))
    expect(ids(list.read())).toEqual(['mine'])
    await vi.waitFor(() => expect(ids(list.read())).toEqual(['theirs', 'mine']))
    expect(loadEntry).toHaveBeenCalledTimes(1)
    expect(changed).toHaveBeenCalled()
    unsubscribe()
  })

  it('that cannot be fetched leaves what is stored alone, and is tried again at the next change', async () => {
    localStorage.setItem('test.down/a', JSON.stringify({ order: 1, entry: { id: 'a' } }))
    let up = false
    const list = createStoredList('test.down', async () => {
      if (!up) throw new TypeError('Failed to fetch dynamically imported module')
      return Entry
    }, (entry: Entry) => entry.id)
    await expect(list.load()).rejects.toThrow()
    // Reading asks for it again (and fails again): nothing of the list is shown, nothing is lost.
    expect(list.read()).toEqual([])
    await new Promise((resolve) => setTimeout(resolve))
    expect(localStorage.getItem('test.down/a')).not.toBeNull()
    up = true
    list.put([{ id: 'b' }])
    await vi.waitFor(() => expect(ids(list.read())).toEqual(['b', 'a']))
  })
})
