import { describe, expect, it } from 'vitest'
import { extractTaskIds } from './extract-task-ids'

const A = 'task-unified-1757165031-uyujaw3d'
const B = 'task-llm-1757165032-abcdefgh'

describe('extractTaskIds', () => {
  it.each([
    ['one per line', `${A}\n${B}\n`],
    ['comma separated', `${A}, ${B}`],
    ['space separated', `${A} ${B}`],
    ['a JSON array of IDs', JSON.stringify([A, B])],
    ['a JSON list of task objects', JSON.stringify([{ id: A, status: 'pending' }, { task_id: B }])],
    ['URLs', `https://api.foxapi.cc/v1/tasks/${A}\nhttp://127.0.0.1:4173/tasks/${B}`],
  ])('reads %s', (_how, text) => {
    expect(extractTaskIds(text)).toEqual({ ok: true, taskIds: [A, B], skipped: [] })
  })

  it('merges duplicates, keeping the first order', () => {
    expect(extractTaskIds(`${B}\n${A}\n${B}`)).toEqual({ ok: true, taskIds: [B, A], skipped: [] })
  })

  it('keeps the IDs and names what it skipped', () => {
    expect(extractTaskIds(`${A}\n!!!\n${B}`)).toEqual({ ok: true, taskIds: [A, B], skipped: ['!!!'] })
  })

  it.each(['', '   ', '!!! ???', '[]', '[{"status":"pending"}]', 'nothing to see here, thanks.'])('refuses %j with a sentence', (text) => {
    const result = extractTaskIds(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(/task ID/)
  })
})
