// ARIA tabs (the WAI-ARIA Authoring Practices pattern, automatic activation): one tab per choice.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export type Tab = { title: string; panel: ReactNode }

const TAB = 'rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500'
const SELECTED = 'border-orange-600 text-stone-900 dark:border-orange-500 dark:text-stone-50'
const UNSELECTED = 'border-transparent text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800'

export function ChoiceTabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  const base = useId()
  const [selected, setSelected] = useState(0)
  const buttons = useRef<Array<HTMLButtonElement | null>>([])

  function select(position: number) {
    setSelected(position)
    buttons.current[position]?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = tabs.length - 1
    const targets: Partial<Record<string, number>> = {
      ArrowRight: selected === last ? 0 : selected + 1,
      ArrowLeft: selected === 0 ? last : selected - 1,
      Home: 0,
      End: last,
    }
    const next = targets[event.key]
    if (next === undefined) return
    event.preventDefault()
    select(next)
  }

  return (
    <div>
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex flex-wrap gap-1 border-b border-stone-200 px-3 pt-2 dark:border-stone-700">
        {tabs.map((tab, position) => (
          <button
            key={position}
            ref={(button) => {
              buttons.current[position] = button
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${position}`}
            aria-selected={position === selected}
            aria-controls={`${base}-panel-${position}`}
            tabIndex={position === selected ? 0 : -1}
            onClick={() => setSelected(position)}
            className={`${TAB} ${position === selected ? SELECTED : UNSELECTED}`}
          >
            {tab.title}
          </button>
        ))}
      </div>
      {/* Every panel stays mounted, so a choice keeps its raw/formatted view and open sections. */}
      {tabs.map((tab, position) => (
        <div
          key={position}
          role="tabpanel"
          id={`${base}-panel-${position}`}
          aria-labelledby={`${base}-tab-${position}`}
          hidden={position !== selected}
          tabIndex={0}
          className="focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-orange-500"
        >
          {tab.panel}
        </div>
      ))}
    </div>
  )
}
