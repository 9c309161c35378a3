import { describeProblem, STOPS_POLLING, type Problem } from '../api/problem'
import { Button } from '../lib/ui/button'

type ProblemBannerProps = {
  problem: Problem
  /** Whether a result is on screen behind the problem (it stays there). */
  stale: boolean
  onRetry: () => void
}

export function ProblemBanner({ problem, stale, onRetry }: ProblemBannerProps) {
  const stops = STOPS_POLLING[problem.kind]
  return (
    <div
      role="alert"
      className={`flex flex-wrap items-center gap-3 rounded-lg border p-3 text-sm ${stops
        ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
        : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100'}`}
    >
      <p className="flex-1">
        {describeProblem(problem)}{' '}
        {problem.kind === 'no-key'
          ? ''
          : stops
          ? 'foxwatch has stopped asking about this task.'
          : `Reconnecting: foxwatch keeps trying, more slowly each time${stale ? '; what is shown is the last good answer' : ''}.`}
      </p>
      <Button onClick={onRetry}>Try again now</Button>
    </div>
  )
}
