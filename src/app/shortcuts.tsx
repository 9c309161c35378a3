// Keyboard shortcuts for the habits people have, and `?` for the list of them.
import { useEffect, useState } from 'react'
import type { ShortcutsDialog } from './shortcuts-dialog'
import { navigate, routeOf, taskPath } from '../lib/router'
import { readWatchlist } from '../watchlist/watchlist'

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
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
  const at = links.findIndex((link) => link === document.activeElement)
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
