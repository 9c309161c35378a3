// Save all: one zip per task, its manifest's hashes matching its files, failures recorded.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import { z } from 'zod'
import { expect, test, uniqueId, type TaskPage } from './fixtures'

const Manifest = z.object({
  task_id: z.string(),
  files: z.array(z.object({
    name: z.string(), url: z.string().nullable(), size: z.number(), content_type: z.string().nullable(),
    sha256: z.string().nullable(), saved_at: z.string(), error: z.string().optional(),
  })),
})

async function saveAll(taskPage: TaskPage) {
  const downloading = taskPage.page.waitForEvent('download')
  await taskPage.page.getByRole('button', { name: 'Save all' }).click()
  const file = await downloading
  const entries = unzipSync(new Uint8Array(readFileSync(await file.path())))
  const manifest = Manifest.parse(JSON.parse(new TextDecoder().decode(entries['manifest.json'])))
  return { name: file.suggestedFilename(), entries, manifest }
}

function expectHashesMatch(entries: Record<string, Uint8Array>, manifest: z.infer<typeof Manifest>) {
  for (const file of manifest.files.filter((f) => !f.error)) {
    const bytes = entries[file.name]
    expect(bytes, file.name).toBeDefined()
    expect(bytes?.byteLength).toBe(file.size)
    expect(createHash('sha256').update(bytes ?? new Uint8Array()).digest('hex'), file.name).toBe(file.sha256)
  }
}

test('a transcript saves as one zip with the response, subtitles and text, each hashed in the manifest', async ({ taskPage }) => {
  const id = await taskPage.openSettled('demo-transcript')
  const { name, entries, manifest } = await saveAll(taskPage)
  expect(name).toBe(`${id}.zip`)
  expect(Object.keys(entries).sort()).toEqual(['manifest.json', 'task.json', 'transcript.json', 'transcript.srt', 'transcript.txt', 'transcript.vtt'])
  expect(manifest.task_id).toBe(id)
  expectHashesMatch(entries, manifest)
  const srt = new TextDecoder().decode(entries['transcript.srt'])
  expect(srt).toMatch(/^1\n00:00:00,\d{3} --> 00:00:\d\d,\d{3}\nWelcome back to the show\./)
  expect(JSON.parse(new TextDecoder().decode(entries['task.json']))).toMatchObject({ id, model: 'scribe-v2', status: 'completed' })
})

test('PBR maps land in a folder named after the material, files named by map type', async ({ taskPage }) => {
  const id = await taskPage.openSettled('demo-pbr')
  const { entries, manifest } = await saveAll(taskPage)
  const folder = `material-${id}`
  for (const map of ['basecolor.jpg', 'normal.png', 'roughness.png', 'metalness.png', 'height.png']) {
    expect(entries[`${folder}/${map}`], map).toBeDefined()
  }
  expectHashesMatch(entries, manifest)
  expect(manifest.files.find((f) => f.name === `${folder}/normal.png`)?.content_type).toBe('image/png')
})

test('an expired link is recorded in the manifest and the rest is still saved', async ({ taskPage }) => {
  const id = uniqueId('fake-expired')
  await taskPage.open(id)
  await taskPage.useKey('sk-test-e2e-save-all')
  await expect(taskPage.status).toHaveText('Completed')
  const { entries, manifest } = await saveAll(taskPage)
  expect(entries['task.json']).toBeDefined()
  const lost = manifest.files.find((f) => f.url?.includes('/files/gone/'))
  expect(lost?.error).toMatch(/answered 404: the link has probably expired/)
  expect(entries[lost?.name ?? '']).toBeUndefined()
})
