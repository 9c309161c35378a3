// The list of keyboard shortcuts, as a modal dialog: its own chunk, loaded the first time `?` asks.
import { useEffect, useRef } from 'react'
import { Button } from '../lib/ui/button'

export const SHORTCUTS = [
  { keys: '/', does: 'Focus the Task ID field' },
  { keys: 'j / k', does: 'Next / previous task: through the watchlist, or opened from a task page' },
  { keys: 'x', does: 'Select the watchlist row in focus (Shift-click a tick box to select a range)' },
  { keys: 's', does: 'Save all (on a task page)' },
  { keys: 'g', does: 'Go to the home page' },
  { keys: '?', does: 'Show this list' },
] as const

/** Opens as a modal when mounted; closing it (Close, Escape) calls `onClose`, which unmounts it. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-heading"
      onClose={onClose}
      className="m-auto rounded-lg border border-stone-300 bg-white p-5 text-stone-900 backdrop:bg-black/40 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
    >
      <h2 id="shortcuts-heading" className="mb-3 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys} className="contents">
            <dt>
              <kbd className="rounded border border-stone-300 px-1.5 font-mono dark:border-stone-600">{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.does}</dd>
          </div>
        ))}
      </dl>
      <Button className="mt-4" onClick={() => dialog.current?.close()}>
        Close
      </Button>
    </dialog>
  )
}
