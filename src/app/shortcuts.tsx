// Keyboard shortcuts for the habits people have, and `?` for the list of them.
import { useEffect, useRef, useState } from 'react'
import { Button } from '../components/ui/button'

export const SHORTCUTS = [
  { keys: '/', does: 'Focus the Task ID field' },
  { keys: 'j / k', does: 'Next / previous task in the watchlist' },
  { keys: 's', does: 'Save all (on a task page)' },
  { keys: 'g', does: 'Go to the home page' },
  { keys: '?', does: 'Show this list' },
] as const

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

function moveInWatchlist(step: 1 | -1) {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('table[data-watchlist] tbody a')]
  if (links.length === 0) return
  const at = links.findIndex((link) => link === document.activeElement)
  const next = links[at === -1 ? (step === 1 ? 0 : links.length - 1) : (at + step + links.length) % links.length]
  next?.focus()
}

function clickButton(name: string) {
  const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name && !b.disabled)
  button?.click()
}

export function Shortcuts({ onHome }: { onHome: () => void }) {
  const [open, setOpen] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return
      const actions: Record<string, () => void> = {
        '/': () => document.querySelector<HTMLInputElement>('input[data-task-id-field]')?.focus(),
        'j': () => moveInWatchlist(1),
        'k': () => moveInWatchlist(-1),
        's': () => clickButton('Save all'),
        'g': onHome,
        '?': () => setOpen(true),
      }
      const action = Object.hasOwn(actions, event.key) ? actions[event.key] : undefined
      if (!action) return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onHome])

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-heading"
      onClose={() => setOpen(false)}
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
      <Button className="mt-4" onClick={() => setOpen(false)}>
        Close
      </Button>
    </dialog>
  )
}
