// A handful of addresses need no router library: the watchlist (/), /history, /kept, /ids and
// /tasks/<id>, read from the address bar. The watchlist keeps its filters in the query string.
import { useSyncExternalStore } from 'react'

export type Route =
  | { page: 'home' }
  | { page: 'history' }
  | { page: 'kept' }
  | { page: 'ids' }
  | { page: 'task'; taskId: string }

const NAVIGATE = 'foxwatch:navigate'

/** The pages with an address of their own, other than a task's. */
export const SECTION_PATHS = { home: '/', history: '/history', kept: '/kept', ids: '/ids' } as const

export function routeOf(pathname: string): Route {
  const match = /^\/tasks\/([^/]+)\/?$/.exec(pathname)
  if (match?.[1]) {
    try {
      return { page: 'task', taskId: decodeURIComponent(match[1]) }
    } catch {
      return { page: 'task', taskId: match[1] }
    }
  }
  const bare = pathname.replace(/\/+$/, '')
  if (bare === SECTION_PATHS.history) return { page: 'history' }
  if (bare === SECTION_PATHS.kept) return { page: 'kept' }
  if (bare === SECTION_PATHS.ids) return { page: 'ids' }
  return { page: 'home' }
}

export function taskPath(taskId: string): string {
  return `/tasks/${encodeURIComponent(taskId)}`
}

/**
 * Goes to `path` (which may carry a query string) in this tab. `replace` changes the address
 * without a new step in the history, as a filter being typed should.
 */
export function navigate(path: string, { replace = false } = {}): void {
  if (path === window.location.pathname + window.location.search) return
  if (replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
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

/** The address's query string ("" or "?a=b"), re-read on every navigation. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search)
}
