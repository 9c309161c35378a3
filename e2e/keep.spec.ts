// Keep in this browser: a kept task previews, saves and zips from the browser's own storage,
// after its result host is gone; auto-keep; the home page's storage view.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import { z } from 'zod'
import { POLICY } from '../src/api/polling'
import { demoClock, expect, heldDemoTask, test, uniqueId, type TaskPage } from './fixtures'
import { FAKE_UPSTREAM } from './ports'

const KEY = 'sk-test-e2e-keep'
const picture = readFileSync(new URL('../server/demo/assets/image-1.png', import.meta.url))

const Manifest = z.object({
  task_id: z.string(),
  files: z.array(z.object({
    name: z.string(), url: z.string().nullable(), size: z.number(), content_type: z.string().nullable(),
    sha256: z.string().nullable(), saved_at: z.string(), error: z.string().optional(),
  })),
})

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function keep(taskPage: TaskPage) {
  await taskPage.page.getByRole('button', { name: 'Keep in this browser' }).click()
  await expect(taskPage.page.getByRole('status', { name: 'Kept in this browser' })).toContainText(/Kept in this browser · [\d.]+ (KB|MB)/)
}

/** Each result image, as the page shows it: where it came from and whether it decoded. */
async function shownImages(taskPage: TaskPage, count: number) {
  const images = []
  for (let n = 1; n <= count; n++) {
    const image = taskPage.page.getByRole('img', { name: new RegExp(`^Result ${n} of`) })
    await expect(image).toBeVisible()
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0)
    images.push(await image.evaluate((element: HTMLImageElement) => element.currentSrc))
  }
  return images
}

test('a kept demo task shows its images from the kept copy', async ({ taskPage }) => {
  await taskPage.openSettled('demo-image')
  await keep(taskPage)
  for (const source of await shownImages(taskPage, 3)) expect(source).toMatch(/^blob:/)
})

test('a kept task still previews, saves and zips after its result host is gone', async ({ page, taskPage }) => {
  const id = uniqueId('fake-vanishing')
  await taskPage.open(id)
  await taskPage.useKey(KEY)
  await expect(taskPage.status).toHaveText('Completed')
  await keep(taskPage)

  await fetch(`${FAKE_UPSTREAM}/__gone/${encodeURIComponent(id)}`, { method: 'POST' })
  expect((await fetch(`${FAKE_UPSTREAM}/files/vanishing/${id}/1.png`)).status).toBe(404)
  await page.reload()
  await expect(taskPage.status).toHaveText('Completed')
  await expect(page.getByRole('status', { name: 'Kept in this browser' })).toBeVisible()
  for (const source of await shownImages(taskPage, 2)) expect(source).toMatch(/^blob:/)

  const saving = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save', exact: true }).first().click()
  const saved = await saving
  expect(saved.suggestedFilename()).toBe(`${id}-1.png`)
  expect(sha256(readFileSync(await saved.path()))).toBe(sha256(picture))
  await expect(page.getByRole('alert')).toHaveCount(0)

  const zipping = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save all' }).click()
  const zip = await zipping
  expect(zip.suggestedFilename()).toBe(`${id}.zip`)
  const entries = unzipSync(new Uint8Array(readFileSync(await zip.path())))
  // An independent reader checks every entry's CRC-32, which fflate does not.
  expect(execFileSync('unzip', ['-t', await zip.path()], { encoding: 'utf8' })).toMatch(/No errors detected/)
  const manifest = Manifest.parse(JSON.parse(new TextDecoder().decode(entries['manifest.json'])))
  expect(manifest.task_id).toBe(id)
  expect(Object.keys(entries).sort()).toEqual([`${id}-1.png`, `${id}-2.png`, 'manifest.json', 'task.json'])
  expect(manifest.files.map((f) => f.name)).toEqual(['task.json', `${id}-1.png`, `${id}-2.png`])
  for (const file of manifest.files) {
    expect(file.error, file.name).toBeUndefined()
    const bytes = entries[file.name] ?? new Uint8Array()
    expect(bytes.byteLength, file.name).toBe(file.size)
    expect(sha256(bytes), file.name).toBe(file.sha256)
  }
  expect(manifest.files[1]).toMatchObject({ url: `${FAKE_UPSTREAM}/files/vanishing/${id}/1.png`, content_type: 'image/png', sha256: sha256(picture) })
  expect(JSON.parse(new TextDecoder().decode(entries['task.json']))).toMatchObject({ id, status: 'completed' })
})

test('a task kept before its files\' hashes were recorded still zips with the right CRC-32 and SHA-256', async ({ page, taskPage }) => {
  const id = await taskPage.openSettled('demo-image')
  await keep(taskPage)
  // As an older foxwatch wrote it: meta.json without crc32 and sha256 for its files.
  const stripped = await page.evaluate(async (taskId) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('foxwatch-kept')
    const folder = await root.getDirectoryHandle(`task-${encodeURIComponent(taskId).replace(/\./g, '%2E')}`)
    const handle = await folder.getFileHandle('meta.json')
    const meta = JSON.parse(await (await handle.getFile()).text()) as { files: Array<Record<string, unknown>> }
    const had = meta.files.every((file) => typeof file['crc32'] === 'number' && typeof file['sha256'] === 'string')
    for (const file of meta.files) {
      delete file['crc32']
      delete file['sha256']
    }
    const writable = await handle.createWritable()
    await writable.write(JSON.stringify(meta))
    await writable.close()
    return had
  }, id)
  expect(stripped, 'a keep records each file\'s hashes').toBe(true)
  await page.reload()
  await expect(page.getByRole('status', { name: 'Kept in this browser' })).toBeVisible()
  const zipping = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save all' }).click()
  const zip = await zipping
  expect(execFileSync('unzip', ['-t', await zip.path()], { encoding: 'utf8' })).toMatch(/No errors detected/)
  const entries = unzipSync(new Uint8Array(readFileSync(await zip.path())))
  const manifest = Manifest.parse(JSON.parse(new TextDecoder().decode(entries['manifest.json'])))
  expect(manifest.files).toHaveLength(4)
  for (const file of manifest.files) expect(sha256(entries[file.name] ?? new Uint8Array()), file.name).toBe(file.sha256)
})

test('auto-keep keeps a task that completes while watched', async ({ page, taskPage }) => {
  await page.goto('/')
  await taskPage.openSettings()
  await page.getByRole('checkbox', { name: 'Auto-keep' }).check()
  const id = await heldDemoTask('demo-image')
  await page.clock.install()
  await taskPage.open(id)
  await expect(taskPage.status).toHaveText('Pending')
  await demoClock.settle(id)
  await page.clock.runFor(POLICY.steadyMs)
  await expect(taskPage.status).toHaveText('Completed')
  await expect(page.getByRole('status', { name: 'Kept in this browser' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Keep in this browser' })).toHaveCount(0)
})

test('the storage view lists a kept task with its size, and Remove deletes it', async ({ page, taskPage }) => {
  const id = uniqueId('fake-vanishing')
  await taskPage.open(id)
  await taskPage.useKey(KEY)
  await expect(taskPage.status).toHaveText('Completed')
  await keep(taskPage)

  await page.goto('/kept')
  const kept = page.getByRole('table', { name: 'Kept tasks' })
  const row = kept.getByRole('row', { name: new RegExp(id) })
  await expect(row).toContainText('fake-image-1')
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^[\d.]+ (KB|MB)$/)
  await expect(page.getByTestId('storage-use')).toContainText(/this site uses [\d.]+ (B|KB|MB|GB) of the [\d.]+ (MB|GB|TB)/)

  await expect(row.getByRole('link', { name: id })).toHaveAttribute('href', `/tasks/${id}`)

  await row.getByRole('button', { name: `Remove ${id} from this browser` }).click()
  await expect(page.getByText('Nothing kept yet.')).toBeVisible()

  await taskPage.open(id)
  await expect(taskPage.status).toHaveText('Completed')
  await expect(page.getByRole('button', { name: 'Keep in this browser' })).toBeVisible()
})

test('a full browser storage is a clear message, and the tasks already kept stay kept', async ({ page, taskPage }) => {
  const first = uniqueId('fake-vanishing')
  await taskPage.open(first)
  await taskPage.useKey(KEY)
  await expect(taskPage.status).toHaveText('Completed')
  await keep(taskPage)

  // Chromium's own quota, shrunk to what is already used: the next keep cannot fit.
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: usage + 2048 })

  const second = uniqueId('fake-vanishing')
  await taskPage.open(second)
  await expect(taskPage.status).toHaveText('Completed')
  await page.getByRole('button', { name: 'Keep in this browser' }).click()
  await expect(page.getByRole('alert')).toContainText(`This browser's storage is full: ${second} was not kept, and the tasks already kept are untouched.`)
  await expect(page.getByRole('button', { name: 'Keep in this browser' })).toBeEnabled()

  await page.goto('/kept')
  const kept = page.getByRole('table', { name: 'Kept tasks' })
  await expect(kept.getByRole('link', { name: first })).toBeVisible()
  await expect(kept.getByRole('link', { name: second })).toHaveCount(0)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin })

  // The first task still previews from its kept copy once its host is gone.
  await fetch(`${FAKE_UPSTREAM}/__gone/${encodeURIComponent(first)}`, { method: 'POST' })
  await taskPage.open(first)
  for (const source of await shownImages(taskPage, 2)) expect(source).toMatch(/^blob:/)
})
