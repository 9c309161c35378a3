// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TaskView } from '../api/task-view'

// A fresh module per test, as a fresh page would load it: the shelf caches what it read.
let { readShelf, relabel, removeFromShelf, shelveIds } = await import('./id-shelf')

function taskWith(id: string, voice: string): TaskView {
  return {
    id, model: 'minimax-voice-clone', type: 'audio', rawType: undefined, status: 'completed', rawStatus: undefined, progress: 100,
    createdAt: 1, estimatedSeconds: undefined, error: undefined, creditsReserved: undefined, usage: undefined, raw: {},
    artifacts: [{ kind: 'profile-id', index: 0, idKind: 'minimax-voice', field: 'voice_id', id: voice, name: undefined }],
  }
}

describe('the ID shelf', () => {
  beforeEach(async () => {
    localStorage.clear()
    vi.resetModules()
    ;({ readShelf, relabel, removeFromShelf, shelveIds } = await import('./id-shelf'))
  })

  it('keeps each ID once, with its first sighting and its label', () => {
    shelveIds(taskWith('task-a', 'v1'), 100)
    const [first] = readShelf()
    expect(first).toMatchObject({ id: 'v1', taskId: 'task-a', seenAt: 100, label: '' })
    if (first) relabel(first, 'Calm')
    shelveIds(taskWith('task-b', 'v1'), 200)
    expect(readShelf()).toEqual([expect.objectContaining({ id: 'v1', taskId: 'task-a', seenAt: 100, label: 'Calm' })])
  })

  it('puts the newest IDs first and removes one alone', () => {
    shelveIds(taskWith('task-a', 'v1'), 100)
    shelveIds(taskWith('task-b', 'v2'), 200)
    expect(readShelf().map((e) => e.id)).toEqual(['v2', 'v1'])
    const [newest] = readShelf()
    if (newest) removeFromShelf(newest)
    expect(readShelf().map((e) => e.id)).toEqual(['v1'])
  })

  it('drops a damaged entry without losing the rest, and survives garbage', async () => {
    localStorage.setItem('foxwatch.idShelf/voice_id:broken', JSON.stringify({ order: 2, entry: { id: 'broken' } }))
    localStorage.setItem('foxwatch.idShelf/voice_id:junk', '{not json')
    localStorage.setItem('foxwatch.idShelf/voice_id:v9', JSON.stringify({ order: 1, entry: { id: 'v9', field: 'voice_id', idKind: 'voice', label: '', taskId: 't', seenAt: 5 } }))
    // As a page with something stored does before its first render (this module's copy, as the shelf's).
    const { loadStoredSchemas } = await import('../lib/stored-list')
    await loadStoredSchemas()
    expect(readShelf().map((e) => e.id)).toEqual(['v9'])
  })

  it('a relabelled ID keeps its place; each ID has a key of its own', () => {
    shelveIds(taskWith('task-a', 'v1'), 100)
    const [first] = readShelf()
    if (first) relabel(first, 'Calm')
    shelveIds(taskWith('task-b', 'v2'), 200)
    expect(readShelf().map((e) => [e.id, e.label])).toEqual([['v2', ''], ['v1', 'Calm']])
    expect(Object.keys(localStorage).sort()).toEqual(['foxwatch.idShelf/voice_id:v1', 'foxwatch.idShelf/voice_id:v2'])
  })
})
