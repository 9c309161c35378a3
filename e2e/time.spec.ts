// Time made visible: while a task runs, how long it has run, when foxwatch checked and will check
// next, and Check now; once it settles, how long it took, split into waiting and running.
import { POLICY } from '../src/api/polling'
import { demoClock, expect, heldDemoTask, scriptUpstream, test, uniqueId } from './fixtures'

test('a running task says how long it has run and when it is checked; Check now asks at once; a settled one says how long it took', async ({ page, taskPage }) => {
  // The image scenario waits 1.5 s, then processes for 5 s; it stands still until moved.
  const id = await heldDemoTask('demo-image')
  await page.clock.install()
  await taskPage.open(id)
  await expect(taskPage.status).toHaveText('Pending')
  const clock = page.getByTestId('task-clock')
  await expect(clock).toContainText(/Running for \d+ s/)
  await expect(clock).toContainText(/Checked \d+ s ago · next check in \d+ s/)

  // Check now asks at once: the page's clock does not move, and the new status shows.
  await demoClock.advance(id, 1500 + 2500)
  await page.getByRole('button', { name: 'Check now' }).click()
  await expect(taskPage.status).toHaveText('Processing')
  await expect(clock).toContainText('Checked 0 s ago')

  await demoClock.settle(id)
  await page.clock.runFor(POLICY.steadyMs)
  await expect(taskPage.status).toHaveText('Completed')
  await expect(clock).toContainText(/^Took (\d+ min )?\d+ s \(waited \d+ s, ran (\d+ min )?\d+ s\)$/)
  await expect(page.getByRole('button', { name: 'Check now' })).toHaveCount(0)
  const took = /^Took ((\d+ min )?\d+ s)/.exec((await clock.textContent()) ?? '')?.[1] ?? 'none'

  // The watchlist says the same in its Duration column.
  await taskPage.addToWatchlist()
  await page.getByRole('link', { name: 'foxwatch' }).click()
  const row = page.getByRole('table', { name: 'Watched tasks' }).getByRole('row').filter({ hasText: id })
  await expect(row).toContainText(took)
  // And the history, which outlasts the watchlist.
  await taskPage.section('History')
  await expect(page.getByRole('list', { name: 'Task history' }).getByRole('listitem').filter({ hasText: id })).toContainText(`took ${took}`)
})

test('while foxwatch is asking foxapi, the task says so, and says when it was checked once the answer is in', async ({ page, taskPage }) => {
  const id = uniqueId('fake-asking')
  const created = Math.floor(Date.now() / 1000)
  const processing = (progress: number) => ({ id, object: 'video.generation.task', type: 'video', model: 'veo-3.1', status: 'processing', progress, created })
  // foxapi takes two seconds over the second answer: long enough to be seen waiting.
  await scriptUpstream(id, [{ json: processing(20) }, { json: processing(40), delayMs: 2000 }])
  await taskPage.keyInSession('sk-test-e2e-asking')
  await taskPage.open(id)
  await expect(taskPage.progress).toHaveAttribute('aria-valuenow', '20')
  const clock = page.getByTestId('task-clock')
  await expect(clock).toContainText(/Checked \d+ s ago/)
  await page.getByRole('button', { name: 'Check now' }).click()
  await expect(clock).toContainText('Checking now…')
  await expect(taskPage.progress).toHaveAttribute('aria-valuenow', '40')
  await expect(clock).toContainText('Checked 0 s ago')
  await expect(clock).not.toContainText('Checking now…')
})
