import type { TaskView } from '../api/task-view'
import { formatAge, formatTime } from '../lib/format'
import { linkExpiry } from '../api/link-expiry'

/** The links' time left, as one of the task's facts, while there is no need to warn. */
export function ExpiryFact({ task, now }: { task: TaskView; now: number }) {
  const expiry = linkExpiry(task, now)
  if (expiry.state !== 'fresh') return null
  return (
    <div data-testid="link-expiry" title={`At ${formatTime(expiry.expiresAt)}, 24 hours after the task was created`}>
      <dt className="inline text-stone-500 dark:text-stone-400">Result links expire</dt>{' '}
      <dd className="inline font-medium">in {formatAge(expiry.remainingMs)}</dd>
    </div>
  )
}

/** A warning in the last two hours of the result links; expired after. */
export function ExpiryNotice({ task, now }: { task: TaskView; now: number }) {
  const expiry = linkExpiry(task, now)
  switch (expiry.state) {
    case 'none':
      return null
    case 'fresh':
      // Said among the task's facts (ExpiryFact): nothing to warn of yet.
      return null
    case 'warning':
      return (
        <p data-testid="link-expiry" role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          ⚠ Result links expire in <strong>{formatAge(expiry.remainingMs)}</strong>. Save what you need now.
        </p>
      )
    case 'expired':
      return (
        <p data-testid="link-expiry" role="status" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          Result links expired {formatAge(now - expiry.expiresAt)} ago (24 hours after the task was created). Files not saved
          before then are gone from foxapi.
        </p>
      )
  }
}
