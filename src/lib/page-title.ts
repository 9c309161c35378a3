// The tab's title and icon: the page names itself, and a count of finished tasks not yet seen
// goes in front ("(2) …"), with a dot on the icon, so a finish is noticed from another tab.
import { useEffect, useSyncExternalStore } from 'react'

let base = 'foxwatch'
let unseen: ReadonlySet<string> = new Set()
const listeners = new Set<() => void>()

function render() {
  document.title = unseen.size > 0 ? `(${unseen.size}) ${base}` : base
  const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]')
  if (icon) icon.href = unseen.size > 0 ? '/favicon-dot.svg' : '/favicon.svg'
  listeners.forEach((listener) => listener())
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
  return useSyncExternalStore((listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }, () => unseen)
}
