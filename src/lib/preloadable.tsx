// A component in a chunk of its own that can be fetched before it is needed, and that renders at
// once, without suspending, when its chunk is already here. React.lazy alone suspends on its first
// render even when the chunk came long before, and a Suspense fallback, once shown, holds back
// what replaces it for up to 300 ms (React's throttle): most of a big transcript's first render.
import { createElement, lazy, useState, useSyncExternalStore, type ComponentType } from 'react'
import { createChangeSignal } from './change-signal'

export type Preloadable<P extends object> = ComponentType<P> & {
  /** Starts fetching the chunk, once (not again after a failure); resolves when it has arrived or failed. */
  preload(): Promise<void>
  /** True once the chunk has arrived or a fetch of it has failed (rendering then shows the failure); false before. */
  settled(): boolean
}

type State<P> =
  | { status: 'idle' | 'failed' }
  | { status: 'loading'; arrival: Promise<ComponentType<P>> }
  | { status: 'loaded'; component: ComponentType<P> }

/** Told whenever any preloadable chunk arrives or fails. */
const changes = createChangeSignal()

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let state: State<P> = { status: 'idle' }
  // Once a fetch has failed, a wait is over for good: the lazy component tries again and shows
  // the failure, rather than a placeholder waiting for a server that is gone.
  let failedOnce = false
  const settle = (next: State<P>) => {
    state = next
    if (next.status === 'failed') failedOnce = true
    changes.notify()
  }
  /** The chunk's component, asked for once at a time; a failed fetch is tried again on the next ask. */
  const fetchComponent = (): Promise<ComponentType<P>> => {
    if (state.status === 'loaded') return Promise.resolve(state.component)
    if (state.status === 'loading') return state.arrival
    const arrival = load().then(
      (component) => {
        settle({ status: 'loaded', component })
        return component
      },
      (error: unknown) => {
        settle({ status: 'failed' })
        throw error
      },
    )
    state = { status: 'loading', arrival }
    return arrival
  }
  // Until the chunk is here, the usual lazy component: it suspends, and a failure reaches the
  // nearest error boundary (ChunkBoundary says what could not load).
  const Lazy = lazy(() => fetchComponent().then((component) => ({ default: component })))
  function Renderer(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the component itself later
    // would remount it and lose its state.
    const [direct] = useState(() => (state.status === 'loaded' ? state.component : undefined))
    return createElement(direct ?? Lazy, props)
  }
  return Object.assign(Renderer, {
    // Preloading never asks again after a failure (rendering does, once, through lazy): asked on
    // every render, it would otherwise ask again each time the failure re-renders the page.
    preload: () => (failedOnce ? Promise.resolve() : fetchComponent().then(() => undefined, () => undefined)),
    settled: () => state.status === 'loaded' || failedOnce,
  })
}

/**
 * Starts fetching every chunk in `parts` and says whether all have arrived (or failed): until then
 * the caller shows its own placeholder instead of suspending, so nothing waits on React's
 * fallback throttle once they are here.
 */
export function usePreloaded(parts: ReadonlyArray<Pick<Preloadable<object>, 'preload' | 'settled'>>): boolean {
  // Started while rendering, as React.lazy starts its own fetch: in the same task that first
  // draws the results, not an effect later.
  for (const part of parts) void part.preload()
  return useSyncExternalStore(changes.subscribe, () => parts.every((part) => part.settled()))
}
