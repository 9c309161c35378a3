// The one piece every module-level store here shares: who to tell when it changes, in the shape
// React's useSyncExternalStore subscribes with. Each store keeps its own state and snapshot.

export type ChangeSignal = {
  /** Tells every subscriber that the store changed. */
  notify(): void
  /** Adds `listener`; returns what removes it. */
  subscribe(listener: () => void): () => void
}

export function createChangeSignal(): ChangeSignal {
  const listeners = new Set<() => void>()
  return {
    notify: () => listeners.forEach((listener) => listener()),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
