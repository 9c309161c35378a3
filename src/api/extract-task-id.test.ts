import { describe, expect, it } from 'vitest'
import { extractTaskId } from './extract-task-id'

const MEDIA_ID = 'task-unified-1757165031-uyujaw3d'

describe('extractTaskId finds the ID', () => {
  it.each([
    { name: 'a media task ID', input: MEDIA_ID, taskId: MEDIA_ID },
    { name: 'an llmrouter task ID', input: 'task-llmrouter-1757165031-Ab12Cd34', taskId: 'task-llmrouter-1757165031-Ab12Cd34' },
    { name: 'an llm task ID', input: 'task-llm-1757165031-k9x2m4p7', taskId: 'task-llm-1757165031-k9x2m4p7' },
    { name: 'a demo ID', input: 'demo-image-x1', taskId: 'demo-image-x1' },
    { name: 'an ID of an unknown form', input: 'abc123', taskId: 'abc123' },
    { name: 'an unknown form with dots and colons', input: 'job:2024.11.26-7', taskId: 'job:2024.11.26-7' },
    { name: 'surrounding whitespace', input: `  \n\t${MEDIA_ID} \n`, taskId: MEDIA_ID },
    { name: 'a sentence around a known ID', input: `my task is ${MEDIA_ID}, thanks!`, taskId: MEDIA_ID },
    { name: 'a foxwatch URL', input: `http://127.0.0.1:4173/tasks/${MEDIA_ID}`, taskId: MEDIA_ID },
    { name: 'a foxwatch URL of an unknown form', input: 'http://127.0.0.1:4173/tasks/abc123', taskId: 'abc123' },
    { name: 'a foxwatch URL with a trailing slash', input: 'http://127.0.0.1:4173/tasks/abc123/', taskId: 'abc123' },
    {
      name: 'a foxapi URL with sync_upstream',
      input: `https://api.foxapi.cc/v1/tasks/${MEDIA_ID}?sync_upstream=true`,
      taskId: MEDIA_ID,
    },
    { name: 'a foxapi URL of an unknown form, with a query', input: 'https://api.foxapi.cc/v1/tasks/abc123?sync_upstream=true', taskId: 'abc123' },
    { name: 'a URL-encoded ID in a path', input: 'http://127.0.0.1:4173/tasks/job%20one%2F2', taskId: 'job one/2' },
    { name: 'a URL-encoded unicode ID', input: 'https://api.foxapi.cc/v1/tasks/t%C3%A2che-7', taskId: 'tâche-7' },
    { name: 'a malformed escape, kept as sent', input: 'http://127.0.0.1:4173/tasks/abc%zz', taskId: 'abc%zz' },
    { name: 'a JSON task', input: `{"id": "${MEDIA_ID}", "status": "pending", "results": null}`, taskId: MEDIA_ID },
    { name: 'a JSON task of an unknown form', input: '{"id": "abc123", "status": "pending"}', taskId: 'abc123' },
    { name: 'a JSON array of tasks', input: `[{"id": "${MEDIA_ID}"}]`, taskId: MEDIA_ID },
    { name: 'a JSON array of unknown-form tasks', input: '[{"id": "abc123"}, {"id": "def456"}]', taskId: 'abc123' },
    { name: 'JSON with task_id', input: '{"task_id": "abc123"}', taskId: 'abc123' },
    {
      name: 'a curl line',
      input: `curl -H "Authorization: Bearer sk-xxx" https://api.foxapi.cc/v1/tasks/${MEDIA_ID}`,
      taskId: MEDIA_ID,
    },
    {
      name: 'a curl line with an unknown-form ID',
      input: `curl -s -H 'Authorization: Bearer sk-xxx' 'https://api.foxapi.cc/v1/tasks/abc123?sync_upstream=true'`,
      taskId: 'abc123',
    },
  ])('in $name', ({ input, taskId }) => {
    expect(extractTaskId(input)).toEqual({ ok: true, taskId })
  })

  // Regression: a demo ID with capitals once came back cut short as 'demo-image-'.
  it('keeps a demo ID with capital letters whole', () => {
    expect(extractTaskId('demo-image-X1')).toEqual({ ok: true, taskId: 'demo-image-X1' })
  })

  // Regression: an ID-shaped word anywhere once won over the real ID: a `demo-` in a host name,
  // another JSON field, or the API key in a curl line (which then went into the task URL).
  it.each([
    { name: 'a foxwatch host named demo-…', input: `https://foxwatch.demo-lab.example/tasks/${MEDIA_ID}`, taskId: MEDIA_ID },
    { name: 'a JSON task whose model starts demo-', input: '{"id": "abc123", "model": "demo-model-2"}', taskId: 'abc123' },
    {
      name: 'a curl line whose key contains demo-',
      input: 'curl -H "Authorization: Bearer sk-demo-abc" https://api.foxapi.cc/v1/tasks/abc123',
      taskId: 'abc123',
    },
  ])('ignores a demo-… that is not the ID, in $name', ({ input, taskId }) => {
    expect(extractTaskId(input)).toEqual({ ok: true, taskId })
  })
})

describe('extractTaskId refuses, with a sentence', () => {
  it.each([
    { name: 'empty text', input: '' },
    { name: 'whitespace', input: '   \n\t ' },
    { name: 'two words', input: 'hello world' },
    { name: 'an empty JSON object', input: '{}' },
    { name: 'an empty JSON array', input: '[]' },
    { name: 'JSON with a non-string id', input: '{"id": 42}' },
    { name: 'a 600-character token', input: 'a'.repeat(600) },
    { name: 'a 600-character ID in a URL', input: `https://api.foxapi.cc/v1/tasks/${'b'.repeat(600)}` },
  ])('for $name', ({ input }) => {
    const result = extractTaskId(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toMatch(/^[A-Z].{10,}\.$/)
    expect(result.reason).not.toContain('undefined')
  })

  it('says how long a too-long token is, and the limit the server keeps too', () => {
    expect(extractTaskId('a'.repeat(10_000))).toMatchObject({ ok: false, reason: expect.stringMatching(/10,000.*512/) })
    expect(extractTaskId('a'.repeat(512))).toEqual({ ok: true, taskId: 'a'.repeat(512) })
  })

  it('takes IDs in any script, as opening them by link does', () => {
    expect(extractTaskId('タスク-ünïcødé-42')).toEqual({ ok: true, taskId: 'タスク-ünïcødé-42' })
  })

  it('never takes the API key from a curl line', () => {
    const result = extractTaskId('curl -H "Authorization: Bearer sk-xxx"')
    expect(result.ok && result.taskId.includes('sk-')).toBe(false)
  })
})
