// Keyboard shortcuts for the habits people have, and `?` for the list of them.
import { useEffect, useState } from 'react'
import type { ShortcutsDialog } from './shortcuts-dialog'
import { navigate, routeOf, taskPath } from '../lib/router'
import { readWatchlist } from '../watchlist/watchlist'

/** Keys typed into a field are the field's; a tick box or a button takes no letters. */
function typing(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type)
  return target instanceof HTMLElement && (target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName))
}

/** x: selects the watchlist row in focus, or clears it (its tick box, as a click on it would). */
function selectRowInFocus() {
  const row = document.activeElement?.closest('table[data-watchlist] tr')
  row?.querySelector<HTMLInputElement>('input[data-select-row]')?.click()
}

/**
 * j and k: on a task's page, open the next or previous watched task; elsewhere, move through the
 * watchlist's rows (Enter opens the one in focus).
 */
function moveInWatchlist(step: 1 | -1) {
  const route = routeOf(window.location.pathname)
  if (route.page === 'task') {
    const ids = readWatchlist().map((entry) => entry.taskId)
    const at = ids.indexOf(route.taskId)
    const next = ids[at === -1 ? (step === 1 ? 0 : ids.length - 1) : (at + step + ids.length) % ids.length]
    if (next !== undefined && next !== route.taskId) navigate(taskPath(next))
    return
  }
  const links = [...document.querySelectorAll<HTMLAnchorElement>('table[data-watchlist] tbody a')]
  if (links.length === 0) return
  // From a row's tick box too, so j and k go on after an x or a click on it.
  const row = document.activeElement?.closest('table[data-watchlist] tr')
  const at = links.findIndex((link) => link === document.activeElement || (row != null && link.closest('tr') === row))
  const next = links[at === -1 ? (step === 1 ? 0 : links.length - 1) : (at + step + links.length) % links.length]
  next?.focus()
}

function clickButton(name: string) {
  const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name && !b.disabled)
  button?.click()
}

export function Shortcuts({ onHome }: { onHome: () => void }) {
  // The list is a chunk of its own, loaded the first time `?` asks; while the server can't send
  // it, `?` does nothing, and the next `?` tries again.
  const [Dialog, setDialog] = useState<typeof ShortcutsDialog>()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return
      const actions: Record<string, () => void> = {
        '/': () => document.querySelector<HTMLTextAreaElement>('textarea[data-task-id-field]')?.focus(),
        'j': () => moveInWatchlist(1),
        'k': () => moveInWatchlist(-1),
        'x': selectRowInFocus,
        's': () => clickButton('Save all'),
        'g': onHome,
        '?': () => void import('./shortcuts-dialog').then((module) => setDialog(() => module.ShortcutsDialog), () => undefined),
      }
      const action = Object.hasOwn(actions, event.key) ? actions[event.key] : undefined
      if (!action) return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onHome])

  return Dialog ? <Dialog onClose={() => setDialog(undefined)} /> : null
}
