// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { QueryClient } from '@tanstack/react-query'
import { clear, entries, set } from 'idb-keyval'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { persistQueries, restoreQueries } from './query-persistence'
import { KEEP_QUERIES_MS, OLD_CACHE_DATABASE, OLD_CACHE_KEY, OLD_CACHE_STORE, queryStore } from './stored-queries'

/** Every value put into IndexedDB since the test began. */
const puts: unknown[] = []
const put = IDBObjectStore.prototype.put
IDBObjectStore.prototype.put = function countedPut(this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
  puts.push(value)
  return put.call(this, value, key)
}

const taskKey = (id: string) => ['task', id]
const stored = async () => new Map(await entries<string, string>(queryStore()))

function clientWith(tasks: Record<string, unknown>): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: KEEP_QUERIES_MS } } })
  for (const [id, data] of Object.entries(tasks)) client.setQueryData(taskKey(id), data)
  return client
}

/** The old persister's database, as it left it: one text under one key. */
function writeOldCache(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(OLD_CACHE_DATABASE)
    open.onupgradeneeded = () => open.result.createObjectStore(OLD_CACHE_STORE)
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const transaction = open.result.transaction(OLD_CACHE_STORE, 'readwrite')
      transaction.objectStore(OLD_CACHE_STORE).put(text, OLD_CACHE_KEY)
      transaction.oncomplete = () => {
        open.result.close()
        resolve()
      }
    }
  })
}

/** Runs the write's half-second wait, then waits for the write itself to land. */
async function written(check: () => Promise<void>) {
  await vi.advanceTimersByTimeAsync(500)
  await vi.waitFor(check)
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  await clear(queryStore())
  puts.length = 0
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the persisted query cache, a record per task', () => {
  it('writes only the task that changed, however much else the cache holds', async () => {
    const words = Array.from({ length: 20_000 }, (_, n) => ({ text: `w${n}`, start: n, end: n + 0.5 }))
    const client = clientWith({ long: { words }, a: { progress: 1 }, b: { progress: 1 } })
    const stop = persistQueries(client, true)
    await written(async () => expect((await stored()).size).toBe(4))
    puts.length = 0
    client.setQueryData(taskKey('a'), { progress: 2 })
    await written(async () => expect((await stored()).get('["task","a"]')).toContain('"progress":2'))
    // The changed task and the stamp: not the transcript, not the other task.
    expect(puts).toHaveLength(2)
    expect(puts.join('').length).toBeLessThan(1000)
    stop()
  })

  it('a burst of changes within half a second is one write', async () => {
    const client = clientWith({ a: { progress: 1 } })
    const stop = persistQueries(client, false)
    for (let progress = 2; progress <= 6; progress++) client.setQueryData(taskKey('a'), { progress })
    await written(async () => expect((await stored()).get('["task","a"]')).toContain('"progress":6'))
    expect(puts.filter((value) => String(value).includes('progress'))).toHaveLength(1)
    stop()
  })

  it('puts the cache back in a new page, and a task gone from the cache is gone from the store', async () => {
    const client = clientWith({ a: { progress: 1 }, b: { status: 'completed' } })
    const stop = persistQueries(client, true)
    await written(async () => expect((await stored()).size).toBe(3))
    client.removeQueries({ queryKey: taskKey('a') })
    await written(async () => expect([...(await stored()).keys()]).toEqual(['["task","b"]', 'stamp']))
    stop()
    const next = new QueryClient()
    await restoreQueries(next, { fromOldCache: false })
    expect(next.getQueryData(taskKey('b'))).toEqual({ status: 'completed' })
    expect(next.getQueryData(taskKey('a'))).toBeUndefined()
  })

  it('writes what is waiting at once when the page is hidden', async () => {
    const client = clientWith({ a: { progress: 1 } })
    const stop = persistQueries(client, false)
    client.setQueryData(taskKey('a'), { progress: 9 })
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    // No timer run: the hidden page wrote it.
    await vi.waitFor(async () => expect((await stored()).get('["task","a"]')).toContain('"progress":9'))
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
    stop()
  })

  it('drops a cache older than a week, and a damaged record alone', async () => {
    const client = clientWith({ a: { progress: 1 }, b: { progress: 2 } })
    const stop = persistQueries(client, true)
    await written(async () => expect((await stored()).size).toBe(3))
    stop()
    await set('["task","a"]', '{"queryHash": broken', queryStore())
    const next = new QueryClient()
    await restoreQueries(next, { fromOldCache: false })
    expect(next.getQueryData(taskKey('b'))).toEqual({ progress: 2 })
    expect([...(await stored()).keys()]).toEqual(['["task","b"]', 'stamp'])

    vi.setSystemTime(Date.now() + KEEP_QUERIES_MS + 1)
    const late = new QueryClient()
    await restoreQueries(late, { fromOldCache: false })
    expect(late.getQueryCache().getAll()).toHaveLength(0)
    expect((await stored()).size).toBe(0)
  })

  it('keeps a cache that is looked at within each week, though nothing in it changes', async () => {
    const client = clientWith({ done: { status: 'completed' } })
    const stop = persistQueries(client, true)
    await written(async () => expect((await stored()).size).toBe(2))
    stop()
    for (let visit = 0; visit < 3; visit++) {
      vi.setSystemTime(Date.now() + KEEP_QUERIES_MS - 60_000)
      const next = new QueryClient()
      await restoreQueries(next, { fromOldCache: false })
      expect(next.getQueryData(taskKey('done'))).toEqual({ status: 'completed' })
    }
  })

  it('reads a cache stored the old way once, writes it as records, and deletes the old text', async () => {
    const old = clientWith({ a: { status: 'completed' } })
    const [query] = old.getQueryCache().getAll()
    const text = JSON.stringify({
      buster: 'task-watch-1',
      timestamp: Date.now(),
      clientState: { mutations: [], queries: [{ queryKey: query?.queryKey, queryHash: query?.queryHash, state: query?.state }] },
    })
    await writeOldCache(text)
    const client = new QueryClient()
    await restoreQueries(client, { fromOldCache: true })
    expect(client.getQueryData(taskKey('a'))).toEqual({ status: 'completed' })
    expect((await stored()).get('["task","a"]')).toContain('"status":"completed"')
    await vi.waitFor(async () => expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(OLD_CACHE_DATABASE))
  })
})
