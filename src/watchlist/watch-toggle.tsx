// On a task's page: whether the task is in the watchlist, and the button that changes it. Opening
// a task never adds it by itself; the Task ID box and this button do.
import { Button } from '../lib/ui/button'
import { unwatch, useWatchlist, watchTasks } from './watchlist'

export function WatchToggle({ taskId }: { taskId: string }) {
  const watched = useWatchlist().some((entry) => entry.taskId === taskId)
  return watched ? (
    <Button onClick={() => unwatch([taskId])} title="This task is in the watchlist; take it out">
      Remove from watchlist
    </Button>
  ) : (
    <Button onClick={() => watchTasks([taskId])} title="Follow this task in the watchlist, with the others">
      Add to watchlist
    </Button>
  )
}
