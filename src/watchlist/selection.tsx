// Acting on many watched tasks at once: which rows are selected (a checkbox each, `x`, Shift for a
// range), the bar that saves, keeps, copies or removes them, and the totals line above the list.
import { createContext, useContext, useState } from 'react'
import type { TaskStatus, TaskView } from '../api/task-view'
import { Button } from '../lib/ui/button'
import { CopyButton } from '../lib/ui/copy-button'
import { unwatch } from './watchlist'

/**
 * What the watchlist can do with selected tasks beyond its own list: saving and keeping belong to
 * another feature, so the page hands them in (docs/architecture.md).
 */
export type SelectionActions = {
  /** One zip of every task given; a sentence when it cannot be made. */
  save: (tasks: readonly TaskView[]) => Promise<string | undefined>
  /** Keeps each task in this browser; how many were kept, and a sentence for each that was not. */
  keep: (tasks: readonly TaskView[]) => Promise<{ kept: number; problems: string[] }>
}

export type Selection = {
  has: (taskId: string) => boolean
  /** Selects or clears one row; with `range`, every row from the last one toggled to this one. */
  toggle: (taskId: string, range: boolean) => void
  setAll: (taskIds: readonly string[], selected: boolean) => void
}

/**
 * The selected rows among `order` (the rows shown, in the order shown). A row filtered out of sight
 * stays selected but is not acted on until it shows again.
 */
export function useSelection(order: readonly string[]): { selection: Selection; chosen: string[] } {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const [anchor, setAnchor] = useState<string>()
  const selection: Selection = {
    has: (taskId) => selected.has(taskId),
    toggle(taskId, range) {
      const on = !selected.has(taskId)
      const from = anchor === undefined ? -1 : order.indexOf(anchor)
      const to = order.indexOf(taskId)
      const span = range && from !== -1 && to !== -1 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [taskId]
      setSelected(withAll(selected, span, on))
      setAnchor(taskId)
    },
    setAll(taskIds, on) {
      setSelected(withAll(selected, taskIds, on))
    },
  }
  return { selection, chosen: order.filter((taskId) => selected.has(taskId)) }
}

function withAll(selected: ReadonlySet<string>, taskIds: readonly string[], on: boolean): ReadonlySet<string> {
  const next = new Set(selected)
  for (const taskId of taskIds) {
    if (on) next.add(taskId)
    else next.delete(taskId)
  }
  return next
}

/**
 * The watchlist's selection, for its rows' boxes: a row is not drawn again for another row's
 * answer, while its box follows every change of the selection.
 */
export const SelectionContext = createContext<Selection>({ has: () => false, toggle: () => {}, setAll: () => {} })

/** A row's checkbox; `x` on a row in focus clicks it (app/shortcuts.tsx), Shift selects a range. */
export function SelectBox({ taskId }: { taskId: string }) {
  const selection = useContext(SelectionContext)
  return (
    <input
      type="checkbox"
      data-select-row
      aria-label={`Select ${taskId}`}
      checked={selection.has(taskId)}
      // The change comes from a click (or Space, which clicks), so its event says whether Shift was held.
      onChange={(event) => selection.toggle(taskId, (event.nativeEvent as MouseEvent).shiftKey)}
      className="size-4 accent-orange-700"
    />
  )
}

type Counted = { status: TaskStatus | undefined; credits: number | undefined }

/** "2 running · 5 done · 1 failed · 12 credits reserved": the parts that are not zero. */
export function totalsText(tasks: readonly Counted[]): string {
  const count = (statuses: ReadonlyArray<TaskStatus | undefined>) => tasks.filter((task) => statuses.includes(task.status)).length
  const parts = [
    [count(['pending', 'processing']), 'running'],
    [count(['completed']), 'done'],
    [count(['failed']), 'failed'],
    [count(['cancelled']), 'cancelled'],
    [count([undefined, 'unknown']), 'not known yet'],
  ] as const
  const words = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}`)
  const credits = creditsText(tasks)
  return [...words, ...(credits ? [credits] : [])].join(' · ')
}

/** Credits foxapi reserved for these tasks: what it set aside, not what it charged. */
export function creditsText(tasks: readonly Counted[]): string | undefined {
  const known = tasks.flatMap((task) => (task.credits === undefined ? [] : [task.credits]))
  if (known.length === 0) return undefined
  const sum = known.reduce((total, credits) => total + credits, 0)
  return `${Number(sum.toFixed(4))} ${sum === 1 ? 'credit' : 'credits'} reserved`
}

/** The tick box above the rows that selects every row shown, or clears them. */
export function SelectAll({ shown, selection }: { shown: readonly string[]; selection: Selection }) {
  const count = shown.filter((taskId) => selection.has(taskId)).length
  const all = shown.length > 0 && count === shown.length
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <input
        type="checkbox"
        checked={all}
        ref={(box) => {
          if (box) box.indeterminate = count > 0 && !all
        }}
        onChange={() => selection.setAll(shown, !all)}
        className="size-4 accent-orange-700"
      />
      Select all shown
    </label>
  )
}

/** A sentence about the last action, and the selection it was about (it goes when that changes). */
type Said = { alert: boolean; text: string; about: string }

/**
 * What can be done with the selected rows, in a bar that floats at the foot of the window while
 * any are selected (so selecting never moves the rows being clicked).
 */
export function SelectionBar({ chosen, tasks, selection, actions }: {
  chosen: readonly string[]
  /** The selected tasks foxapi has answered about; the others have nothing to save or keep yet. */
  tasks: readonly TaskView[]
  selection: Selection
  actions: SelectionActions | undefined
}) {
  const [lastSaid, setLastSaid] = useState<Said>()
  const [keeping, setKeeping] = useState(false)
  const about = chosen.join('\n')
  const said = lastSaid?.about === about ? lastSaid : undefined
  const setSaid = (sentence: Omit<Said, 'about'>, after = about) => setLastSaid({ ...sentence, about: after })
  if (chosen.length === 0) return said ? <p role="status" className="sr-only">{said.text}</p> : null
  const unanswered = chosen.length - tasks.length
  const leftOut = unanswered > 0 ? ` ${unanswered === 1 ? '1 has' : `${unanswered} have`} no answer from foxapi yet and ${unanswered === 1 ? 'is' : 'are'} left out.` : ''
  const settled = tasks.filter((task) => task.status === 'completed')
  const credits = creditsText(tasks.map((task) => ({ status: task.status, credits: task.creditsReserved })))

  async function save() {
    if (!actions || tasks.length === 0) return setSaid({ alert: true, text: 'None of the selected tasks has an answer from foxapi yet, so there is nothing to save.' })
    const problem = await actions.save(tasks)
    setSaid(problem ? { alert: true, text: problem } : { alert: false, text: `Saving ${tasks.length === 1 ? '1 task' : `${tasks.length} tasks`} as one zip.${leftOut}` })
  }

  async function keep() {
    if (!actions) return
    if (settled.length === 0) return setSaid({ alert: true, text: 'Only completed tasks can be kept, and none of the selected ones is.' })
    setKeeping(true)
    const { kept, problems } = await actions.keep(settled)
    setKeeping(false)
    const notDone = chosen.length - settled.length
    const rest = notDone > 0 ? ` ${notDone === 1 ? '1 is' : `${notDone} are`} not completed and ${notDone === 1 ? 'was' : 'were'} left out.` : ''
    setSaid({ alert: problems.length > 0, text: [`Kept ${kept} of ${settled.length} in this browser.${rest}`, ...problems].join(' ') })
  }

  function remove() {
    unwatch(chosen)
    selection.setAll(chosen, false)
    setSaid({ alert: false, text: `Removed ${chosen.length === 1 ? '1 task' : `${chosen.length} tasks`} from the watchlist.` }, '')
  }

  return (
    <div
      role="group"
      aria-label="Selected tasks"
      className="fixed inset-x-0 bottom-4 z-20 mx-auto flex w-fit max-w-[calc(100%-1rem)] flex-wrap items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 py-2 shadow-lg dark:border-stone-600 dark:bg-stone-900"
    >
      <span className="text-sm font-medium">
        {chosen.length} selected{credits && <span className="font-normal text-stone-600 dark:text-stone-300"> · {credits}</span>}
      </span>
      {actions && (
        <>
          <Button variant="primary" onClick={() => void save()} title="Every selected task's results, last response and derived files, as one zip">
            Save selected
          </Button>
          <Button onClick={() => void keep()} disabled={keeping} title="Copy each selected task's results into this browser, so they outlive the links">
            {keeping ? 'Keeping…' : 'Keep selected'}
          </Button>
        </>
      )}
      <CopyButton text={() => chosen.join('\n')} label="Copy IDs" />
      <Button onClick={remove}>Remove selected</Button>
      <Button variant="quiet" onClick={() => selection.setAll(chosen, false)}>
        Clear selection
      </Button>
      {said && (
        <p role={said.alert ? 'alert' : 'status'} className={`basis-full text-sm ${said.alert ? 'text-red-700 dark:text-red-400' : 'text-stone-600 dark:text-stone-300'}`}>
          {said.text}
        </p>
      )}
    </div>
  )
}
