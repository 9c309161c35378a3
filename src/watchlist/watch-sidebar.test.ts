import { describe, expect, it } from 'vitest'
import { shortId } from './watch-sidebar'

describe('shortId', () => {
  it('keeps a short ID whole', () => {
    expect(shortId('demo-image-x1')).toBe('demo-image-x1')
  })

  it('elides the middle of a long one, keeping both ends and the length', () => {
    const short = shortId('task-unified-1757165031-uyujaw3d')
    expect(short).toHaveLength(22)
    expect(short).toBe('task-unified-1…yujaw3d')
    expect(short.startsWith('task-unified-')).toBe(true)
    expect(short.endsWith('yujaw3d')).toBe(true)
  })
})
