// The tab's title and icon: the page names itself, and a count of finished tasks not yet seen
// goes in front ("(2) …"), with a dot on the icon, so a finish is noticed from another tab.
import { useEffect, useSyncExternalStore } from 'react'
import { createChangeSignal } from './change-signal'

let base = 'foxwatch'
let unseen: ReadonlySet<string> = new Set()
const changes = createChangeSignal()

function render() {
  document.title = unseen.size > 0 ? `(${unseen.size}) ${base}` : base
  const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]')
  if (icon) icon.href = unseen.size > 0 ? '/favicon-dot.svg' : '/favicon.svg'
  changes.notify()
}

export function usePageTitle(title: string): void {
  useEffect(() => {
    base = title
    render()
  }, [title])
}

export function markUnseen(taskId: string): void {
  if (unseen.has(taskId)) return
  unseen = new Set([...unseen, taskId])
  render()
}

export function markSeen(taskIds: Iterable<string> | 'all'): void {
  const next = taskIds === 'all' ? new Set<string>() : new Set([...unseen].filter((id) => ![...taskIds].includes(id)))
  if (next.size === unseen.size) return
  unseen = next
  render()
}

export function useUnseen(): ReadonlySet<string> {
  return useSyncExternalStore(changes.subscribe, () => unseen)
}
