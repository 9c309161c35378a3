// The history once there is one: a chunk of its own, fetched only when something is in it.
import { useId, useState } from 'react'
import { taskPath } from '../lib/router'
import { Link } from '../lib/link'
import { formatAge, formatTime } from '../lib/format'
import { UnsavedNotice } from '../lib/unsaved-notice'
import type { HistoryEntry } from './history-entry'
import { HISTORY_SIZE } from './history'

function searchHistory(entries: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return [...entries]
  return entries.filter((e) => e.taskId.toLowerCase().includes(needle) || (e.model?.toLowerCase().includes(needle) ?? false))
}

/** Every task watched lately, searchable by ID or model, even after it left the watchlist. */
export function HistoryList({ entries, unsaved }: { entries: readonly HistoryEntry[]; unsaved: number }) {
  const [query, setQuery] = useState('')
  const fieldId = useId()
  const found = searchHistory(entries, query)
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="history-heading" className="text-xl font-semibold">
          History
        </h1>
        <span className="text-sm text-stone-500 dark:text-stone-400">The last {HISTORY_SIZE} tasks watched in this browser.</span>
        <label htmlFor={fieldId} className="ml-auto text-sm">
          Search history
        </label>
        <input
          id={fieldId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
        />
      </div>
      <UnsavedNotice count={unsaved} list="the history" />
      <ul aria-label="Task history" className="rounded-lg border border-stone-200 bg-white px-4 text-sm dark:border-stone-700 dark:bg-stone-900">
        {found.map((entry) => (
          <li key={entry.taskId} className="flex flex-wrap gap-x-3 border-b border-stone-200 py-1.5 last:border-0 dark:border-stone-700">
            <Link
              href={taskPath(entry.taskId)}
              className="font-mono underline-offset-2 hover:underline"
            >
              {entry.taskId}
            </Link>
            <span className="text-stone-500 dark:text-stone-400">
              {[entry.model, entry.status, entry.tookMs === undefined ? '' : `took ${formatAge(entry.tookMs)}`, formatTime(entry.seenAt)].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
        {found.length === 0 && <li className="py-1.5 text-stone-500 dark:text-stone-400">No task in the history matches.</li>}
      </ul>
    </section>
  )
}
