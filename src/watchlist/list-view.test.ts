import { describe, expect, it } from 'vitest'
import { ALL_TASKS, isFiltered, pathOf, viewOf } from './list-view'

describe('the watchlist view in the address', () => {
  it('is all tasks, in the order added, at /', () => {
    expect(viewOf('')).toEqual(ALL_TASKS)
    expect(pathOf(ALL_TASKS)).toBe('/')
    expect(isFiltered(ALL_TASKS)).toBe(false)
  })

  it('reads back what it wrote', () => {
    const view = { sort: 'age', status: 'failed', type: 'image', model: 'gpt-image-1', search: 'abc 7' } as const
    const path = pathOf(view)
    expect(path).toBe('/?status=failed&type=image&model=gpt-image-1&q=abc+7&sort=age')
    expect(viewOf(path.slice(1))).toEqual(view)
    expect(isFiltered(view)).toBe(true)
  })

  it('leaves what it does not know at all tasks', () => {
    expect(viewOf('?sort=price&status=exploded&watch=a,b')).toEqual(ALL_TASKS)
  })
})
