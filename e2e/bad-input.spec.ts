// A sample of the bad-input corpus (src/testing/corpora/bad-inputs.ts) through the real page: the fake
// upstream answers each task with one broken payload, and the page must still show the task, or a
// sentence, with whatever it does not know as raw JSON. The unit tests run the whole corpus.
import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import { badInputs, bodyText, type BadInput } from '../src/testing/corpora/bad-inputs'
import { expect, scriptUpstream, test, uniqueId, type TaskPage } from './fixtures'
import { FAKE_UPSTREAM } from './ports'

/** One of each family of breakage, picked to stay fast: the heaviest payloads are here on purpose. */
const SAMPLE = [
  'status is a number',
  'the body is an array of tasks',
  'status is "exploded"',
  'results is a string',
  'results is one image object instead of an array',
  'an unknown type with an unknown result shape',
  'good results mixed with broken ones',
  'created is 1e+308',
  'the error is a string',
  'the error is an object as its message',
  'a chat choice is null',
  'transcript words with reversed times',
  'transcript words with times beyond a double',
  '10,000 image results',
  'a 100,000-word transcript',
] as const

const STATUS_TEXT = {
  pending: 'Pending', processing: 'Processing', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled', unknown: 'Unknown status',
} as const

function corpusCase(name: string): BadInput {
  const found = badInputs.find((input) => input.name === name)
  if (!found) throw new Error(`No case named "${name}" in the bad-input corpus`)
  return found
}

/** Answers the task with the payload, byte for byte, with links to the fake result host. */
async function openBroken(taskPage: TaskPage, input: BadInput): Promise<string> {
  const id = uniqueId('corpus')
  const body = bodyText(input, (name) => `${FAKE_UPSTREAM}/files/${id}/${name}`)
  await scriptUpstream(id, [{ raw: body, headers: { 'content-type': 'application/json' } }])
  // The key first, so the task's first query is already the one with the payload.
  await taskPage.keyInSession('sk-test-e2e-corpus')
  await taskPage.open(id)
  return id
}

for (const name of SAMPLE) {
  test(`${name}: the page shows the task or a sentence, never a blank`, async ({ page, taskPage }) => {
    const input = corpusCase(name)
    await openBroken(taskPage, input)
    await expect(taskPage.taskId).toBeVisible()
    const expected = input.expect
    if (!expected.readable) {
      await expect(taskPage.alert).toContainText('foxapi sent an answer foxwatch could not read.')
      return
    }
    await expect(taskPage.status).toBeVisible({ timeout: 20_000 })
    if (expected.status) await expect(taskPage.status).toContainText(STATUS_TEXT[expected.status])
    await expect(taskPage.progress).toBeVisible()
    for (const index of expected.rawAt ?? []) {
      await expect(page.getByRole('group', { name: `Result ${index + 1} as JSON` })).toBeVisible()
    }
    if (expected.errorMessage) await expect(page.getByRole('region', { name: 'Task error' })).toContainText(expected.errorMessage.slice(0, 200))
    for (const kind of new Set(expected.kinds ?? [])) {
      const title = { image: 'Images', video: 'Video', audio: 'Audio', chat: 'Chat completion', transcript: 'Transcript', 'pbr-map': 'PBR maps', texture: 'Textures', 'profile-id': 'Reusable IDs', raw: 'Other results' }[kind]
      await expect(page.getByRole('region', { name: title, exact: true })).toBeVisible()
    }
    // Every renderer has arrived, and none threw (its section would say "could not be shown").
    await expect(page.getByText(/^Loading the .+ view…$/)).toHaveCount(0)
    await expect(page.getByText(/could not be shown/)).toHaveCount(0)
  })
}

test('a task with 10,000 results shows the first hundred and a button for more', async ({ page, taskPage }) => {
  await openBroken(taskPage, corpusCase('10,000 image results'))
  const images = page.getByRole('region', { name: 'Images' })
  await expect(images.getByRole('button', { name: 'Show 100 more (9,900 not shown yet)' })).toBeVisible({ timeout: 20_000 })
  await expect(images.getByRole('figure')).toHaveCount(100)
  await images.getByRole('button', { name: 'Show 100 more (9,900 not shown yet)' }).click()
  await expect(images.getByRole('figure')).toHaveCount(200)
})

test('a creation time past the year 275,760 leaves the page up and says "not given"', async ({ page, taskPage }) => {
  await openBroken(taskPage, corpusCase('created is 1e+308'))
  await expect(taskPage.status).toHaveText('Processing')
  const summary = page.getByRole('region', { name: 'Task summary' })
  await expect(summary.getByText('Created')).toBeVisible()
  await expect(summary.getByRole('definition').filter({ hasText: 'not given' }).first()).toBeVisible()
})

/** Deeper than JSON.stringify (or any recursive walk) can go: it overflows the stack a few thousand levels down. */
const DEPTH = 100_000

test('an answer nested 100,000 levels deep shows the task, says what it does not draw, and copies and saves whole', async ({ page, taskPage, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const id = uniqueId('deep')
  // Written by hand, as the upstream would send it: JSON.stringify cannot write it.
  const deep = `${'{"next":'.repeat(DEPTH)}null${'}'.repeat(DEPTH)}`
  const body = `{"id":"${id}","object":"image.generation.task","type":"image","model":"fake-image-1","status":"completed","progress":100,`
    + `"created":${Math.floor(Date.now() / 1000)},"results":[${deep}],"error":null}`
  await scriptUpstream(id, [{ raw: body, headers: { 'content-type': 'application/json' } }])
  await taskPage.keyInSession('sk-test-e2e-deep')
  await taskPage.open(id)

  await expect(taskPage.status).toHaveText('Completed', { timeout: 20_000 })
  const card = page.getByRole('region', { name: 'Other results' })
  await expect(card.getByRole('group', { name: 'Result 1 as JSON' })).toBeVisible()
  await expect(card.getByText('Result 1 is nested more than 100 levels deep: foxwatch draws the first 100 here; Copy JSON or Save all has all of it.')).toBeVisible()
  await card.getByRole('button', { name: 'Expand all' }).click()
  await expect(card.getByText('Nested deeper than 100 levels: foxwatch does not draw the rest here; Copy JSON or Save all has it.')).toBeVisible()
  await card.getByRole('button', { name: 'Copy JSON' }).click()
  await expect(card.getByRole('button', { name: /Copy JSON.*Copied/ })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(deep)

  await page.getByText('Raw JSON (last response)').click()
  await expect(taskPage.status).toHaveText('Completed')
  const panel = page.getByRole('group').filter({ hasText: 'Raw JSON (last response)' })
  await expect(panel.getByText('Nested more than 100 levels deep, so shown without indentation.')).toBeVisible()
  await panel.getByRole('button', { name: 'Copy JSON' }).click()
  await expect(panel.getByRole('button', { name: /Copy JSON.*Copied/ })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(body)

  // Save all writes the last response as sent (without indentation, at this depth).
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save all' }).click()
  const entries = unzipSync(new Uint8Array(readFileSync(await (await downloading).path())))
  expect(new TextDecoder().decode(entries['task.json'])).toBe(`${body}\n`)
  await expect(page.getByText(/could not be shown/)).toHaveCount(0)
})
