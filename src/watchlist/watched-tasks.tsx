// The watchlist once something is watched: its rows, sorting and filtering, a query per task, and
// the request budget. A chunk of its own, fetched only when the watchlist is not empty.
import { MAX_IN_FLIGHT, MAX_PER_SECOND } from '../contract/request-pace'
import { hashKey, useQueries, useQueryClient, type QueryObserverResult } from '@tanstack/react-query'
import { createContext, memo, useCallback, useContext, useId, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import type { TaskStatus, TaskView } from '../api/task-view'
import { taskPath } from '../lib/router'
import { Link } from '../lib/link'
import { formatAge } from '../lib/format'
import { useNow } from '../lib/use-now'
import { Button } from '../lib/ui/button'
import { CopyButton } from '../lib/ui/copy-button'
import { UnsavedNotice } from '../lib/unsaved-notice'
import { linkExpiry } from '../api/link-expiry'
import { problemWord } from '../api/problem-kinds'
import { runningFor, tookOf } from '../api/task-timing'
import { isWatchOver } from '../api/polling'
import { STATUS_LABEL, STATUS_TONE } from '../api/status'
import { taskQueries } from '../api/task-queries'
import type { TaskWatch } from '../api/task-watch'
import { useUnseen } from '../lib/page-title'
import { updateSettings, useSettings } from '../lib/settings'
import { justSettled } from './settle-notices'
import type { WatchEntry } from './watch-entry'
import { unwatch } from './watchlist'
import { ALL_TASKS, isFiltered, statusFilter, type ListSort, type ListView } from './list-view'
import { RowPreview } from './row-preview'
import { SelectAll, SelectBox, SelectionBar, SelectionContext, totalsText, useSelection, type SelectionActions } from './selection'

/** How long a settled task took, or how long a running one has run; blank when unknown. */
function durationOf(watch: TaskWatch | undefined, now: number): string {
  const task = watch?.task
  if (!task) return ''
  const took = tookOf(task, watch.history)
  if (took) return formatAge(took.totalMs)
  const ran = runningFor(task, watch.history, now)
  return ran === undefined ? '' : `${formatAge(ran)} so far`
}

function expiryText(watch: TaskWatch | undefined, now: number): string {
  const task = watch?.task
  if (!task) return ''
  const expiry = linkExpiry(task, now)
  switch (expiry.state) {
    case 'none':
      return '—'
    case 'fresh':
    case 'warning':
      return `in ${formatAge(expiry.remainingMs)}`
    case 'expired':
      return 'expired'
  }
}

// On a phone each row becomes a wrapped card instead of a table too wide to read: cells flow
// onto lines, empty ones vanish, and the few that need it say what they are, since the column
// headings are hidden there (they stay for screen readers).
const CELL = 'py-2 pr-3 max-sm:py-0 max-sm:pr-0 max-sm:empty:hidden'
const LABELLED = 'max-sm:text-xs max-sm:before:mr-1 max-sm:before:text-stone-500 max-sm:before:content-[attr(data-label)] dark:max-sm:before:text-stone-400'

/** The time the rows' ages, durations and countdowns are told from: a second's tick for the drawn rows alone. */
const NowContext = createContext(0)

function Ticking({ children }: { children: ReactNode }) {
  return <NowContext value={useNow()}>{children}</NowContext>
}

/**
 * A watched task's last state, read from the query cache: a row is drawn again when its own task
 * changes, not when any of the others does. The list's one query per task does the polling.
 */
function useTaskWatch(taskId: string): TaskWatch | undefined {
  const cache = useQueryClient().getQueryCache()
  const hash = hashKey(taskQueries.watch(taskId).queryKey)
  const subscribe = useCallback((changed: () => void) => cache.subscribe((event) => {
    if (event.query.queryHash === hash) changed()
  }), [cache, hash])
  return useSyncExternalStore(subscribe, () => cache.get<TaskWatch>(hash)?.state.data)
}

type WatchRowProps = {
  taskId: string
  selected: boolean
  /** Its place in the list, and where its height is measured (the list draws only what is near the window). */
  index: number
  measure: (row: HTMLTableRowElement | null) => void
}

const WatchRow = memo(function WatchRow({ taskId, selected, index, measure }: WatchRowProps) {
  const watch = useTaskWatch(taskId)
  const now = useContext(NowContext)
  const unseen = useUnseen().has(taskId)
  const task = watch?.task
  // A row flashes for a few seconds after its task settles, and stays marked until seen.
  const flashing = watch !== undefined && justSettled(watch) !== undefined && now - watch.updatedAt < 4000
  const progress = task?.progress ?? 0
  // Only a task still under way has progress worth a bar; a settled one says it in its status.
  const running = task?.status === 'pending' || task?.status === 'processing'
  // Each status tints its row a little, so a long list scans by colour as well as by word.
  const tint = task?.status === 'failed' ? 'bg-red-50/60 dark:bg-red-950/30' : task?.status === 'cancelled' ? 'bg-stone-100/60 dark:bg-stone-800/40' : ''
  return (
    <tr
      ref={measure}
      data-index={index}
      data-flashing={flashing || undefined}
      data-selected={selected || undefined}
      className={`border-t border-stone-200 transition-colors focus-within:bg-orange-50/70 max-sm:flex max-sm:first:border-t-0 max-sm:flex-wrap max-sm:items-center max-sm:gap-x-4 max-sm:gap-y-1 max-sm:py-2 dark:border-stone-700 dark:focus-within:bg-orange-950/40 ${flashing ? 'bg-emerald-50 motion-safe:animate-settle-flash dark:bg-emerald-950' : unseen ? 'bg-amber-50 dark:bg-amber-950' : selected ? 'bg-orange-100/70 dark:bg-orange-900/40' : tint}`}
    >
      <td className="w-6 py-2 pr-2 max-sm:py-0 max-sm:pr-0">
        <SelectBox taskId={taskId} />
      </td>
      <td className={`${CELL} max-sm:basis-[calc(100%-2.5rem)]`}>
        <Link
          href={taskPath(taskId)}
          className="font-mono text-sm break-all underline-offset-2 hover:underline"
        >
          {taskId}
        </Link>
        {/* Said here unless the status cell says it (a task that needs a key, with no answer yet). */}
        {watch?.problem && (task || watch.problem.kind !== 'no-key') && (
          <p className="text-xs text-red-700 dark:text-red-400">{problemWord(watch.problem.kind)}</p>
        )}
      </td>
      <td data-label="Model" className={`${CELL} ${LABELLED} text-sm`}>{task?.model ?? ''}</td>
      <td data-label="Type" className={`${CELL} ${LABELLED} text-sm`}>{task ? (task.type === 'unknown' ? (task.rawType ?? '') : task.type) : ''}</td>
      <td className={CELL}>
        {task ? (
          <span data-testid="watch-status" className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STATUS_TONE[task.status]}`}>
            {STATUS_LABEL[task.status]}
          </span>
        ) : watch?.problem?.kind === 'no-key' ? (
          // Asked, and refused for want of a key: no answer is coming until one is given.
          <span data-testid="watch-status" className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            {problemWord('no-key')}
          </span>
        ) : (
          <span className="text-xs text-stone-500 dark:text-stone-400">asking…</span>
        )}
      </td>
      <td className={CELL}>
        {running && (
          <div
            role="progressbar"
            aria-label={`Progress of ${taskId}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            className="h-1.5 w-20 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700"
          >
            <div className="h-full bg-orange-500" style={{ width: `${progress}%` }} />
          </div>
        )}
      </td>
      <td data-label="Age" className={`${CELL} ${LABELLED} text-sm whitespace-nowrap`}>{task?.createdAt ? formatAge(now - task.createdAt) : ''}</td>
      <td data-label="Duration" className={`${CELL} ${LABELLED} text-sm whitespace-nowrap`}>{durationOf(watch, now)}</td>
      <td data-label="Links expire" className={`${CELL} ${LABELLED} text-sm whitespace-nowrap`}>{expiryText(watch, now)}</td>
      <td className={CELL}>{task && <RowPreview task={task} taskId={taskId} />}</td>
      <td className="py-2 max-sm:ml-auto max-sm:py-0">
        <Button variant="quiet" onClick={() => unwatch([taskId])} aria-label={`Stop watching ${taskId}`}>
          Remove
        </Button>
      </td>
    </tr>
  )
})

/** A first guess at a row's height, before it is measured: a desktop row with a thumbnail. */
const ROW_HEIGHT_GUESS = 58

/** A link that opens foxwatch watching these tasks. It holds IDs only, never a key. */
export function shareLink(taskIds: readonly string[]): string {
  return `${window.location.origin}/?${new URLSearchParams({ watch: taskIds.join(',') }).toString()}`
}

/**
 * What the list needs of a task to sort, filter and count it. While a task only makes progress
 * these stay equal, so the list is not drawn again for it (its row is).
 */
type RowFacts = {
  status: TaskStatus | undefined
  type: TaskView['type'] | undefined
  model: string | undefined
  createdAt: number | undefined
  credits: number | undefined
}

type Row = { entry: WatchEntry; facts: RowFacts | undefined }

/** The facts of each watched task, in the list's order (TanStack shares what did not change). */
function factsOf(results: ReadonlyArray<QueryObserverResult<TaskWatch>>): RowFacts[] {
  return results.map(({ data }) => {
    const task = data?.task
    return { status: task?.status, type: task?.type, model: task?.model, createdAt: task?.createdAt, credits: task?.creditsReserved }
  })
}

// Running tasks first, then those that need the person, then the settled.
const STATUS_ORDER = { processing: 0, pending: 1, unknown: 2, failed: 3, cancelled: 4, completed: 5 } as const satisfies Record<TaskStatus, number>

/** The rows the person asked to see, in the order asked. */
export function arrange(rows: readonly Row[], view: ListView): Row[] {
  const search = view.search.trim().toLowerCase()
  const kept = rows.filter(({ entry, facts }) => {
    return (!search || entry.taskId.toLowerCase().includes(search))
      && (!view.status || facts?.status === view.status)
      && (!view.type || facts?.type === view.type)
      && (!view.model || facts?.model === view.model)
  })
  switch (view.sort) {
    case 'added':
      return kept
    case 'status':
      return kept.toSorted((a, b) => STATUS_ORDER[a.facts?.status ?? 'unknown'] - STATUS_ORDER[b.facts?.status ?? 'unknown'])
    case 'age':
      // Oldest first: the ones closest to losing their links.
      return kept.toSorted((a, b) => (a.facts?.createdAt ?? Infinity) - (b.facts?.createdAt ?? Infinity))
  }
}

const SORT_TITLE: Record<ListSort, string> = { added: 'in the order added', status: 'running first', age: 'oldest first' }

/** A column heading that sorts the list by its column (the sorted one says so, as aria-sort). */
function SortHeader({ sort, label, view, setView }: { sort: ListSort; label: string; view: ListView; setView: (view: ListView) => void }) {
  const sorted = view.sort === sort
  return (
    <th scope="col" aria-sort={sorted ? 'ascending' : undefined} className="py-2 pr-3 font-medium">
      <button
        type="button"
        onClick={() => setView({ ...view, sort })}
        title={`Sort ${SORT_TITLE[sort]}`}
        className={`rounded hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-orange-500 dark:hover:text-stone-100 ${sorted ? 'text-stone-900 underline underline-offset-4 dark:text-stone-100' : ''}`}
      >
        {label}
        {sorted && <span aria-hidden="true"> ↑</span>}
      </button>
    </th>
  )
}

function Choice({ label, value, options, onChange }: { label: string; value: string; options: Array<[string, string]>; onChange: (value: string) => void }) {
  const id = useId()
  return (
    <span className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className="rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900">
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>{text}</option>
        ))}
      </select>
    </span>
  )
}

/** A whole number from 1 to `max`, stored as a setting at once. */
function LimitField({ label, value, max, onChange }: { label: string; value: number; max: number; onChange: (value: number) => void }) {
  return (
    <label className="flex items-center gap-1.5">
      {label}
      <input
        type="number"
        min={1}
        max={max}
        value={value}
        onChange={(event) => {
          const typed = Number(event.target.value)
          onChange(Number.isInteger(typed) && typed > 0 ? Math.min(max, typed) : value)
        }}
        className="w-16 rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900"
      />
    </label>
  )
}

/** The request budget every watched task shares: a setting, applied at the next query. */
function BudgetSetting() {
  const settings = useSettings()
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-stone-600 dark:text-stone-300">
        Request budget: {settings.maxInFlight} in flight, {settings.maxPerSecond} a second
      </summary>
      <div className="mt-2 flex flex-wrap gap-4">
        <LimitField label="Queries in flight at most" value={settings.maxInFlight} max={MAX_IN_FLIGHT} onChange={(maxInFlight) => updateSettings({ maxInFlight })} />
        <LimitField label="Queries per second at most" value={settings.maxPerSecond} max={MAX_PER_SECOND} onChange={(maxPerSecond) => updateSettings({ maxPerSecond })} />
        <span className="text-stone-500 dark:text-stone-400">Shared by every task this page watches, so foxapi sees at most this much.</span>
      </div>
    </details>
  )
}

/** The watchlist's own buttons, beside its heading. */
export function WatchlistActions({ entries }: { entries: readonly WatchEntry[] }) {
  const queryClient = useQueryClient()

  function clearSettled() {
    unwatch(entries
      .map((entry) => entry.taskId)
      .filter((taskId) => isWatchOver(queryClient.getQueryData(taskQueries.watch(taskId).queryKey))))
  }

  return (
    <span className="ml-auto flex gap-2">
      <CopyButton text={() => shareLink(entries.map((entry) => entry.taskId))} label="Copy link to this watchlist" />
      <Button onClick={clearSettled}>Clear settled</Button>
    </span>
  )
}

type WatchedTasksProps = {
  entries: readonly WatchEntry[]
  /** Saving and keeping the selected tasks, handed in by the page. */
  actions: SelectionActions | undefined
  unsaved: number
  /** Held in the address, so a sort or filter outlasts a reload and the list going empty. */
  view: ListView
  setView: (view: ListView) => void
}

/** Every watched task at a glance, sorted and filtered as asked. */
export function WatchedTasks({ entries, actions, unsaved, view, setView }: WatchedTasksProps) {
  // One query per watched task (each polls by its own policy, all within the page's budget). The
  // options are the same object from render to render, so the queries are not set up again each
  // time; and the list hears only of changes to its facts, not of every answer.
  const queries = useMemo(() => ({ queries: entries.map((entry) => taskQueries.watch(entry.taskId)), combine: factsOf }), [entries])
  const facts = useQueries(queries)
  const rows = entries.map((entry, i) => ({ entry, facts: facts[i] }))
  const shown = arrange(rows, view)
  const models = [...new Set(rows.flatMap(({ facts }) => (facts?.model ? [facts.model] : [])))].sort()
  const shownIds = shown.map(({ entry }) => entry.taskId)
  const { selection, chosen } = useSelection(shownIds)
  const queryClient = useQueryClient()
  const chosenTasks = chosen.flatMap((taskId) => queryClient.getQueryData(taskQueries.watch(taskId).queryKey)?.task ?? [])
  const totals = totalsText(shown.map(({ facts }) => ({ status: facts?.status, credits: facts?.credits })))
  // Only the rows near the window are drawn (a thousand rows drawn every second would stall the
  // page); the space of the others is kept above and below them, so the page scrolls as one.
  const [body, setBody] = useState<HTMLTableSectionElement | null>(null)
  const virtualizer = useWindowVirtualizer({
    count: shown.length,
    estimateSize: () => ROW_HEIGHT_GUESS,
    overscan: 12,
    getItemKey: (index) => shown[index]?.entry.taskId ?? index,
    // Where the rows start on the page: read from the list itself, as it is laid out now.
    scrollMargin: body ? body.getBoundingClientRect().top + window.scrollY : 0,
  })
  const drawn = virtualizer.getVirtualItems()
  const start = virtualizer.options.scrollMargin
  const above = Math.max(0, (drawn[0]?.start ?? start) - start)
  const below = Math.max(0, virtualizer.getTotalSize() - ((drawn.at(-1)?.end ?? start) - start))
  return (
    <>
      <div className="flex flex-wrap items-center gap-3" role="group" aria-label="Sort and filter the watchlist">
        <label className="flex items-center gap-1.5 text-sm">
          Search by ID
          <input
            type="search"
            value={view.search}
            onChange={(event) => setView({ ...view, search: event.target.value })}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 font-mono dark:border-stone-600 dark:bg-stone-900"
          />
        </label>
        <Choice label="Sort" value={view.sort} onChange={(sort) => setView({ ...view, sort: sort === 'status' || sort === 'age' ? sort : 'added' })}
          options={[['added', 'Newest added'], ['status', 'Status'], ['age', 'Age (oldest first)']]} />
        <Choice label="Status" value={view.status} onChange={(status) => setView({ ...view, status: statusFilter(status) })}
          options={[['', 'Any'], ...Object.entries(STATUS_LABEL).map(([key, text]): [string, string] => [key, text])]} />
        <Choice label="Type" value={view.type} onChange={(type) => setView({ ...view, type })}
          options={[['', 'Any'], ['image', 'Image'], ['video', 'Video'], ['audio', 'Audio'], ['llm', 'LLM'], ['unknown', 'Other']]} />
        <Choice label="Model" value={view.model} onChange={(model) => setView({ ...view, model })}
          options={[['', 'Any'], ...models.map((model): [string, string] => [model, model])]} />
        <span className="text-sm text-stone-500 dark:text-stone-400" aria-live="polite">{`${shown.length} of ${entries.length} shown`}</span>
      </div>
      <UnsavedNotice count={unsaved} list="the watchlist" />
      <BudgetSetting />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <SelectAll shown={shownIds} selection={selection} />
        {totals && <p data-testid="watchlist-totals" className="text-sm text-stone-600 dark:text-stone-300">{totals}</p>}
      </div>
      {/* Room below the rows for the bar that floats over the foot of the window while any are selected. */}
      <div className={`overflow-x-auto rounded-lg border border-stone-200 bg-white px-4 dark:border-stone-700 dark:bg-stone-900 ${chosen.length > 0 ? 'mb-24' : ''}`}>
        <table data-watchlist className="w-full text-left max-sm:block">
          <caption className="sr-only">Watched tasks</caption>
          <thead className="max-sm:sr-only">
            <tr className="text-xs text-stone-500 dark:text-stone-400">
              <th scope="col" className="py-2 pr-2 font-medium"><span className="sr-only">Selected</span></th>
              <SortHeader sort="added" label="Task" view={view} setView={setView} />
              <th scope="col" className="py-2 pr-3 font-medium">Model</th>
              <th scope="col" className="py-2 pr-3 font-medium">Type</th>
              <SortHeader sort="status" label="Status" view={view} setView={setView} />
              <th scope="col" className="py-2 pr-3 font-medium">Progress</th>
              <SortHeader sort="age" label="Age" view={view} setView={setView} />
              <th scope="col" className="py-2 pr-3 font-medium">Duration</th>
              <th scope="col" className="py-2 pr-3 font-medium">Links expire</th>
              <th scope="col" className="py-2 pr-3 font-medium">Preview</th>
              <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody ref={setBody} className="max-sm:block">
            {above > 0 && <tr aria-hidden="true" style={{ height: above }} className="max-sm:block" />}
            <SelectionContext value={selection}>
              <Ticking>
                {drawn.map((item) => {
                  const row = shown[item.index]
                  return row && (
                    <WatchRow key={row.entry.taskId} taskId={row.entry.taskId} selected={selection.has(row.entry.taskId)}
                      index={item.index} measure={virtualizer.measureElement} />
                  )
                })}
              </Ticking>
            </SelectionContext>
            {below > 0 && <tr aria-hidden="true" style={{ height: below }} className="max-sm:block" />}
          </tbody>
        </table>
        {shown.length === 0 && isFiltered(view) && (
          <div className="flex flex-wrap items-center gap-3 py-3 text-sm">
            <p role="status">No watched task matches these filters.</p>
            <Button onClick={() => setView({ ...ALL_TASKS, sort: view.sort })}>Clear filters</Button>
          </div>
        )}
      </div>
      <SelectionBar chosen={chosen} tasks={chosenTasks} selection={selection} actions={actions} />
    </>
  )
}
