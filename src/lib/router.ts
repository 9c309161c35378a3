// Two pages need no router library: the home page and /tasks/<id>, read from the address bar.
import { useSyncExternalStore } from 'react'

export type Route = { page: 'home' } | { page: 'task'; taskId: string }

const NAVIGATE = 'foxwatch:navigate'

export function routeOf(pathname: string): Route {
  const match = /^\/tasks\/([^/]+)\/?$/.exec(pathname)
  if (match?.[1]) {
    try {
      return { page: 'task', taskId: decodeURIComponent(match[1]) }
    } catch {
      return { page: 'task', taskId: match[1] }
    }
  }
  return { page: 'home' }
}

export function taskPath(taskId: string): string {
  return `/tasks/${encodeURIComponent(taskId)}`
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return
  window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE))
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener)
  window.addEventListener(NAVIGATE, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(NAVIGATE, listener)
  }
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname)
}
