// Reads a fact off a media element and keeps it current. React drops media events that fire before
// its element is committed (a cached file can have its metadata by then), so the value is read
// from the element itself on every render and event, never only from one event.
import { useCallback, useSyncExternalStore } from 'react'

/** The events after which a file's facts (its length, its size, a failure) may have changed. */
export const FILE_EVENTS = ['loadstart', 'loadedmetadata', 'durationchange', 'resize', 'error', 'emptied'] as const
/** The events after which the playing position may have changed. */
export const TIME_EVENTS = ['timeupdate', 'seeking', 'seeked', 'durationchange', 'loadedmetadata', 'emptied'] as const

/** `events` is one of the lists above (a constant: a new array each render would resubscribe). */
export function useMediaValue<E extends HTMLMediaElement, T extends string | number | boolean | undefined>(
  media: E | null,
  read: (media: E) => T,
  events: readonly (keyof HTMLMediaElementEventMap)[] = FILE_EVENTS,
): T | undefined {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!media) return () => {}
      for (const type of events) media.addEventListener(type, notify)
      return () => {
        for (const type of events) media.removeEventListener(type, notify)
      }
    },
    [media, events],
  )
  return useSyncExternalStore(subscribe, () => (media ? read(media) : undefined))
}

/** The length in seconds, when the element knows it. */
export function durationOf(media: HTMLMediaElement): number | undefined {
  return Number.isFinite(media.duration) && media.duration > 0 ? media.duration : undefined
}

export function hasFailed(media: HTMLMediaElement): boolean {
  return media.error !== null
}
