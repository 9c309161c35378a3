import { describe, expect, it } from 'vitest'
import { normalizeTask } from './normalize-task'
import { RawTask } from './task-schema'
import { isWatchOver, nextPollDelay } from './polling'
import { isOlderAnswer, recordAnswer, recordProblem, type TaskWatch } from './task-watch'

const ID = 'task-unified-1764100000-abcdefgh'
const NOW = 1_764_100_000_000

const task = (status: string, progress?: number) =>
  normalizeTask(RawTask.parse({ id: ID, type: 'image', status, ...(progress === undefined ? {} : { progress }) }), ID)

function watched(...answers: Array<ReturnType<typeof task>>): TaskWatch {
  let watch: TaskWatch | undefined
  answers.forEach((answer, i) => {
    watch = recordAnswer(watch, answer, NOW + i * 1000)
  })
  if (!watch) throw new Error('no answers')
  return watch
}

describe('isOlderAnswer', () => {
  it.each([
    { shown: task('completed'), next: task('processing', 50), older: true, why: 'a settled task answered as running' },
    { shown: task('completed'), next: task('pending'), older: true, why: 'a settled task answered as pending' },
    { shown: task('failed'), next: task('weird-status'), older: true, why: 'a settled task answered with an unknown status' },
    { shown: task('cancelled'), next: task('processing', 10), older: true, why: 'a cancelled task answered as running' },
    { shown: task('processing', 40), next: task('pending'), older: true, why: 'processing answered as pending' },
    { shown: task('processing', 70), next: task('processing', 30), older: true, why: 'progress falling' },
    { shown: task('pending'), next: task('processing', 10), older: false, why: 'pending to processing' },
    { shown: task('processing', 30), next: task('processing', 30), older: false, why: 'the same answer again' },
    { shown: task('processing', 30), next: task('processing', 70), older: false, why: 'progress rising' },
    { shown: task('processing', 30), next: task('processing'), older: false, why: 'progress no longer sent' },
    { shown: task('processing'), next: task('processing', 10), older: false, why: 'progress sent for the first time' },
    { shown: task('processing', 90), next: task('completed'), older: false, why: 'settling' },
    { shown: task('completed'), next: task('completed'), older: false, why: 'completed again (results may come late)' },
    { shown: task('completed'), next: task('failed'), older: false, why: 'one settled answer after another' },
    { shown: task('weird-status'), next: task('pending'), older: false, why: 'after an unknown status, which can not be placed' },
    { shown: task('processing', 50), next: task('weird-status'), older: false, why: 'an unknown status while running' },
  ])('$why: $older', ({ shown, next, older }) => {
    expect(isOlderAnswer(shown, next)).toBe(older)
  })
})

describe('recordAnswer with an older answer', () => {
  it('keeps the settled task, notes the older answer, and polling stays stopped', () => {
    const done = watched(task('processing', 20), task('completed'))
    const after = recordAnswer(done, task('processing', 50), NOW + 60_000)
    expect(after.task?.status).toBe('completed')
    expect(after.task).toBe(done.task)
    expect(after.older).toEqual({ status: 'processing', progress: 50, at: NOW + 60_000 })
    expect(after.history).toEqual(done.history)
    expect(isWatchOver(after)).toBe(true)
    expect(nextPollDelay({ watch: after, hidden: false, now: NOW + 60_000, random: 0.5 })).toBe(false)
  })

  it('keeps the newer running task, counts the answer for the pace, and clears a problem', () => {
    const failing = recordProblem(watched(task('processing', 20), task('processing', 70)), { kind: 'timeout' }, NOW + 5000)
    const after = recordAnswer(failing, task('processing', 30), NOW + 6000)
    expect(after.task?.progress).toBe(70)
    expect(after.problem).toBeUndefined()
    expect(after.failures).toBe(0)
    expect(after.answers).toBe(3)
    expect(after.older?.progress).toBe(30)
  })

  it('drops the note with the next answer that moves on, or the next problem', () => {
    const noted = recordAnswer(watched(task('processing', 70)), task('pending'), NOW + 2000)
    expect(noted.older?.status).toBe('pending')
    expect(recordAnswer(noted, task('processing', 80), NOW + 3000).older).toBeUndefined()
    expect(recordProblem(noted, { kind: 'timeout' }, NOW + 3000).older).toBeUndefined()
  })

  it('records status changes only for answers that are shown', () => {
    const watch = watched(task('pending'), task('processing', 10), task('pending'), task('completed'))
    expect(watch.history.map((change) => change.status)).toEqual(['pending', 'processing', 'completed'])
  })
})
