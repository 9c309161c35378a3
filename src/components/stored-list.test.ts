// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod/mini'
import { createStoredList } from './stored-list'

const Entry = z.object({ id: z.string(), note: z.optional(z.string()) })
type Entry = z.infer<typeof Entry>

/** A list as a fresh page would make it. */
const fresh = () => createStoredList('test.list', Entry, (entry: Entry) => entry.id)
const ids = (entries: readonly Entry[]) => entries.map((e) => e.id)

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
  it('keeps each entry under a key of its own, newest first, new ones in the order given', () => {
    const list = fresh()
    list.put([{ id: 'a' }])
    list.put([{ id: 'b' }, { id: 'c' }])
    expect(ids(list.read())).toEqual(['b', 'c', 'a'])
    expect(Object.keys(localStorage).sort()).toEqual(['test.list/a', 'test.list/b', 'test.list/c'])
    expect(ids(fresh().read())).toEqual(['b', 'c', 'a'])
  })

  it('leaves a known entry in its place unless asked to bring it to the front', () => {
    const list = fresh()
    list.put([{ id: 'a' }, { id: 'b' }])
    list.put([{ id: 'b', note: 'edited' }])
    expect(list.read()).toEqual([{ id: 'a' }, { id: 'b', note: 'edited' }])
    list.put([{ id: 'b' }], { toFront: true })
    expect(ids(list.read())).toEqual(['b', 'a'])
  })

  it('removes entries, and gives React the same array until something changes', () => {
    const list = fresh()
    list.put([{ id: 'a' }, { id: 'b' }])
    const before = list.read()
    expect(list.read()).toBe(before)
    list.remove(['a'])
    expect(list.read()).not.toBe(before)
    expect(ids(list.read())).toEqual(['b'])
    expect(localStorage.getItem('test.list/a')).toBeNull()
  })

  it('drops a damaged entry, not the list', () => {
    localStorage.setItem('test.list/x', '{not json')
    localStorage.setItem('test.list/y', JSON.stringify({ order: 1, entry: { id: 7 } }))
    localStorage.setItem('test.list/z', JSON.stringify({ order: 1, entry: { id: 'z' } }))
    expect(ids(fresh().read())).toEqual(['z'])
  })

  it('sees entries written by another tab (two lists on one storage)', () => {
    const one = fresh()
    const two = fresh()
    one.put([{ id: 'from-one' }])
    two.put([{ id: 'from-two' }])
    window.dispatchEvent(new StorageEvent('storage', { key: 'test.list/from-two' }))
    expect(ids(one.read())).toEqual(['from-two', 'from-one'])
  })
})

describe('an older whole-array list', () => {
  it('moves to a key per entry, in its order, dropping damaged entries', () => {
    localStorage.setItem('test.list', JSON.stringify([{ id: 'newest' }, { broken: true }, { id: 'older' }]))
    const list = fresh()
    expect(ids(list.read())).toEqual(['newest', 'older'])
    expect(localStorage.getItem('test.list')).toBeNull()
    list.put([{ id: 'added' }])
    expect(ids(fresh().read())).toEqual(['added', 'newest', 'older'])
  })

  it('that is garbage is dropped', () => {
    localStorage.setItem('test.list', '{not json')
    expect(fresh().read()).toEqual([])
    expect(localStorage.getItem('test.list')).toBeNull()
  })
})

describe('when the browser refuses to store (storage full)', () => {
  it('keeps the change in memory, says so, loses nothing stored earlier, and stores it once there is room', () => {
    const list = fresh()
    list.put([{ id: 'kept-1' }, { id: 'kept-2' }])
    fillStorage()
    expect(() => localStorage.setItem('probe', 'x')).toThrow()

    expect(list.put([{ id: 'new' }])).toBe(false)
    expect(ids(list.read())).toEqual(['new', 'kept-1', 'kept-2'])
    expect(list.unsaved()).toBe(1)
    expect(list.remove(['kept-2'])).toBe(true)
    expect(ids(list.read())).toEqual(['new', 'kept-1'])
    // A fresh page sees only what was stored: the earlier entries, none lost.
    expect(ids(fresh().read())).toEqual(['kept-1'])

    freeStorage()
    expect(list.put([{ id: 'later' }])).toBe(true)
    expect(list.unsaved()).toBe(0)
    expect(ids(fresh().read())).toEqual(['later', 'new', 'kept-1'])
  })

  it("stores one list's waiting change as soon as another list's change finds room", () => {
    const shelf = createStoredList('test.other', Entry, (entry: Entry) => entry.id)
    const list = fresh()
    fillStorage()
    expect(shelf.put([{ id: 'label' }])).toBe(false)
    freeStorage()
    expect(list.put([{ id: 'watched' }])).toBe(true)
    expect(shelf.unsaved()).toBe(0)
    expect(localStorage.getItem('test.other/label')).not.toBeNull()
  })
})
