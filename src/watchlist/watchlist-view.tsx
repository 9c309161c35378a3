import { lazy, Suspense, useId, useState, type FormEvent } from 'react'
import { routeOf } from '../lib/router'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { ListPlaceholder } from '../lib/list-placeholder'
import { onDemand, READER_MISSING } from '../lib/on-demand'
import { Button } from '../lib/ui/button'
import { UnsavedNotice } from '../lib/unsaved-notice'
import type { ExtractedMany } from './extract-task-ids'
import type { ListView } from './watched-tasks'
import { hasWatched, useUnsavedWatchlist, useWatchlist, watchTasks } from './watchlist'

// What an empty watchlist shows (its heading and the paste form) is here; the rest is a chunk
// fetched once something is watched: at once, on a home page opened with a stored watchlist.
const loadWatchedTasks = () => import('./watched-tasks')
const WatchedTasks = lazy(() => loadWatchedTasks().then((module) => ({ default: module.WatchedTasks })))
const WatchlistActions = lazy(() => loadWatchedTasks().then((module) => ({ default: module.WatchlistActions })))
// A failure here is met again, and shown, when the list renders.
if (routeOf(window.location.pathname).page === 'home' && hasWatched()) void loadWatchedTasks().catch(() => undefined)

// Reading a paste is a chunk of its own too. Both are asked for when the field is first focused,
// so they have come by the time Watch all is pressed.
const readTaskIds = onDemand(async () => (await import('./extract-task-ids')).extractTaskIds)
function preload() {
  readTaskIds.preload()
  loadWatchedTasks().catch(() => undefined)
}

/** Every watched task at a glance; paste many IDs at once to watch them all. */
export function WatchlistView() {
  const entries = useWatchlist()
  const unsaved = useUnsavedWatchlist()
  const [view, setView] = useState<ListView>({ sort: 'added', status: '', type: '', model: '', search: '' })
  const [text, setText] = useState('')
  const [message, setMessage] = useState<{ text: string; refused: boolean } | undefined>()
  const fieldId = useId()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const submitted = text
    const reading = readTaskIds.call(submitted)
    const found = reading instanceof Promise ? await reading.catch((): ExtractedMany => ({ ok: false, reason: READER_MISSING })) : reading
    if (!found.ok) {
      setMessage({ text: found.reason, refused: true })
      return
    }
    const added = watchTasks(found.taskIds)
    const already = found.taskIds.length - added
    // Unless the field changed while the reader came.
    setText((current) => (current === submitted ? '' : current))
    setMessage({
      refused: false,
      text: [
        `Watching ${added} new ${added === 1 ? 'task' : 'tasks'}`,
        already > 0 ? `${already} already watched` : '',
        found.skipped.length > 0 ? `skipped ${found.skipped.length} that ${found.skipped.length === 1 ? 'is' : 'are'} not a task ID` : '',
      ].filter(Boolean).join('; ') + '.',
    })
  }

  return (
    <section aria-labelledby="watchlist-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="watchlist-heading" className="text-lg font-semibold">
          Watchlist
        </h2>
        {entries.length > 0 && (
          // The list below says so if its chunk cannot come; the buttons just stay away.
          <ChunkBoundary what="watchlist" quiet>
            <Suspense fallback={null}>
              <WatchlistActions entries={entries} />
            </Suspense>
          </ChunkBoundary>
        )}
      </div>
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-2">
        <label htmlFor={fieldId} className="text-sm font-medium">
          Task IDs to watch
        </label>
        <textarea
          id={fieldId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onFocus={preload}
          rows={2}
          // IDs are not words: no red line under every pasted ID, and no capital or correction.
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          placeholder="One per line, comma separated, or a JSON list of tasks"
          className="rounded-md border border-stone-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary">
            Watch all
          </Button>
          {message && (
            <p role={message.refused ? 'alert' : 'status'} className={`text-sm ${message.refused ? 'text-red-700 dark:text-red-400' : 'text-stone-600 dark:text-stone-300'}`}>
              {message.text}
            </p>
          )}
        </div>
      </form>
      {entries.length === 0 ? (
        <UnsavedNotice count={unsaved} list="the watchlist" />
      ) : (
        <ChunkBoundary what="watchlist">
          <Suspense fallback={<ListPlaceholder rows={entries.length} />}>
            <WatchedTasks entries={entries} unsaved={unsaved} view={view} setView={setView} />
          </Suspense>
        </ChunkBoundary>
      )}
    </section>
  )
}
