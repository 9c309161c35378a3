import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { markSeen, usePageTitle } from '../lib/page-title'
import { configQueries } from '../api/get-config'
import { taskPath } from '../lib/router'
import { Link } from '../lib/link'
import { WatchlistView } from '../watchlist/watchlist-view'
import type { SelectionActions } from '../watchlist/selection'
import { useWatchlist, watchTasks } from '../watchlist/watchlist'

// Saving and keeping a selection load with their first use: the watchlist itself needs neither.
const loadSaving = () => import('../keep/save-selected')
const SELECTION_ACTIONS: SelectionActions = {
  save: async (tasks) => (await loadSaving()).saveTasks(tasks),
  keep: async (tasks) => (await loadSaving()).keepTasks(tasks),
}

/** A fresh demo run each time: the demo upstream starts a task's clock on its first query. */
function freshDemoId(id: string): string {
  return `${id}-${Math.random().toString(36).slice(2, 7)}`
}

type Demo = { id: string; title: string; model: string }

/**
 * A demo task as a link to a run of its own. Once it is followed (in this tab, or in a new one
 * with Ctrl, Shift or the middle button), it points at another fresh run: after the browser has
 * read the address, never during the click.
 */
function DemoLink({ demo }: { demo: Demo }) {
  const [runId, setRunId] = useState(() => freshDemoId(demo.id))
  const followed = () => setTimeout(() => setRunId(freshDemoId(demo.id)), 0)
  return (
    <Link
      href={taskPath(runId)}
      onClick={followed}
      onAuxClick={followed}
      aria-label={`Watch demo: ${demo.title}`}
      className="flex w-full flex-col items-start rounded-md border border-stone-300 bg-white px-3 py-1.5 text-left text-sm font-medium text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100 dark:hover:bg-stone-700"
    >
      <span>{demo.title}</span>
      <span className="font-mono text-xs text-stone-500 dark:text-stone-400">{demo.model}</span>
    </Link>
  )
}

function DemoList({ demos }: { demos: readonly Demo[] }) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
      {demos.map((demo) => (
        <li key={demo.id}>
          <DemoLink demo={demo} />
        </li>
      ))}
    </ul>
  )
}

/** The demo tasks: offered in full while nothing is watched, folded away once something is. */
function DemoTasks({ demos, folded }: { demos: readonly Demo[]; folded: boolean }) {
  const note = "Served by foxwatch itself, in foxapi's exact format: no key needed. Each one starts when you open it."
  if (folded) {
    return (
      <details className="space-y-3 text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-300">Try a demo task</summary>
        <p className="mt-2 text-stone-600 dark:text-stone-300">{note}</p>
        <DemoList demos={demos} />
      </details>
    )
  }
  return (
    <section aria-labelledby="demo-heading" className="space-y-3">
      <h2 id="demo-heading" className="text-lg font-semibold">
        Try a demo task
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-300">{note}</p>
      <DemoList demos={demos} />
    </section>
  )
}

/** `/`: the watchlist, and the demo tasks while it is empty. */
export function HomePage() {
  const config = useQuery(configQueries.server())
  const watching = useWatchlist().length > 0
  usePageTitle('foxwatch')
  // The watchlist shows every row's status here: coming home is seeing them.
  useEffect(() => {
    if (!document.hidden) markSeen('all')
  }, [])
  // A shared watchlist link (/?watch=a,b,c) adds its tasks, then tidies the address bar.
  useEffect(() => {
    const shared = new URLSearchParams(window.location.search).get('watch')
    if (shared === null) return
    // The address is tidied once its tasks are watched, so a reader that cannot come loses none.
    void import('../api/extract-task-id').then(({ extractTaskIds }) => {
      const found = extractTaskIds(shared)
      if (found.ok) watchTasks(found.taskIds)
      window.history.replaceState(null, '', '/')
    }, () => undefined)
  }, [])
  return (
    <div className="space-y-6">
      {!watching && (
        <p className="max-w-prose text-stone-600 dark:text-stone-300">
          Paste a task ID above to follow it from pending to completed, preview what it made, and save it before the links
          expire after 24 hours. Paste several to watch them all here.
        </p>
      )}
      {config.error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {config.error.message}
        </p>
      )}
      <WatchlistView actions={SELECTION_ACTIONS} />
      {config.data?.demo && <DemoTasks demos={config.data.demoTasks} folded={watching} />}
    </div>
  )
}
