import { describe, expect, it } from 'vitest'
import { safeFileName, uniqueZipPaths, zipPath } from './archive-names'

describe('archive names', () => {
  it('makes file names safe for any disk', () => {
    expect(safeFileName('demo-image 1/../x.png')).toBe('demo-image_1_.._x.png')
    expect(safeFileName('..hidden')).toBe('hidden')
    expect(safeFileName(null)).toBe('foxwatch-download')
    expect(safeFileName('x'.repeat(300))).toHaveLength(120)
  })

  it('keeps folders but never climbs out of the archive', () => {
    expect(zipPath('material-t1/basecolor.png')).toBe('material-t1/basecolor.png')
    expect(zipPath('../../etc/passwd')).toBe('etc/passwd')
    expect(zipPath('/./')).toBe('file')
  })

  it('gives each name once', () => {
    const unique = uniqueZipPaths()
    expect(['a.png', 'a.png', 'a.png', 'notes'].map(unique)).toEqual(['a.png', 'a-2.png', 'a-3.png', 'notes'])
    expect(unique('notes')).toBe('notes-2')
  })

  it('still gives each name once when the numbered names are taken already', () => {
    const unique = uniqueZipPaths()
    const taken = ['a-2.png', 'a-3.png', 'a-5.png'].map(unique)
    const repeats = Array.from({ length: 4 }, () => unique('a.png'))
    expect(taken).toEqual(['a-2.png', 'a-3.png', 'a-5.png'])
    expect(repeats).toEqual(['a.png', 'a-4.png', 'a-6.png', 'a-7.png'])
  })

  it('cleans names that differ only in what cleaning removes into one, then numbers them', () => {
    const unique = uniqueZipPaths()
    const names = Array.from({ length: 2000 }, (_, n) => `${'d/'.repeat(n % 7)}x y.png`)
    const given = names.map(unique)
    expect(new Set(given).size).toBe(2000)
    expect(given[0]).toBe('x_y.png')
  })
})
