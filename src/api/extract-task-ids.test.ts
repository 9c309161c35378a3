import { describe, expect, it } from 'vitest'
import { extractTaskIds } from './extract-task-id'

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
    ['comma separated URLs', `https://api.foxapi.cc/v1/tasks/${A}, http://127.0.0.1:4173/tasks/${B}`],
    ['curl lines', `curl -H "Authorization: Bearer sk-demo-abc" https://api.foxapi.cc/v1/tasks/${A}\ncurl -s 'https://api.foxapi.cc/v1/tasks/${B}?sync_upstream=true'`],
    ['a curl command over several lines', `curl -s \\\n  -H "Authorization: Bearer sk-demo-abc" \\\n  https://api.foxapi.cc/v1/tasks/${A}\n${B}`],
  ])('reads %s', (_how, text) => {
    expect(extractTaskIds(text)).toEqual({ ok: true, taskIds: [A, B], skipped: [] })
  })

  it('reads one ID, a JSON body or a sentence around an ID as one', () => {
    expect(extractTaskIds(A)).toEqual({ ok: true, taskIds: [A], skipped: [] })
    expect(extractTaskIds(`{"id": "${A}", "status": "pending", "model": "demo-model-2"}`)).toEqual({ ok: true, taskIds: [A], skipped: [] })
    expect(extractTaskIds(`my task is ${A}, thanks`)).toMatchObject({ ok: true, taskIds: [A] })
  })

  it('never takes the API key in a curl line for an ID', () => {
    expect(extractTaskIds('curl -H "Authorization: Bearer sk-demo-abc" https://api.foxapi.cc/v1/tasks/abc123')).toEqual({ ok: true, taskIds: ['abc123'], skipped: [] })
  })

  it('says why one piece was refused: a too-long token gives its length and the limit', () => {
    expect(extractTaskIds('a'.repeat(10_000))).toMatchObject({ ok: false, reason: expect.stringMatching(/10,000.*512/) })
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
