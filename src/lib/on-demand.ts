// A function that lives in a chunk of its own: fetched when first wanted (or sooner, on a hint
// such as a field's focus), and from then on called at once, like any other.
export type OnDemand<T, R> = {
  /** Starts fetching it, if it has not come; a failure is met again by the next call. */
  preload(): void
  /** Its result now, once it has come; until then a promise of it, rejected if it cannot come. */
  call(arg: T): R | Promise<R>
}

export function onDemand<T, R>(load: () => Promise<(arg: T) => R>): OnDemand<T, R> {
  let loaded: ((arg: T) => R) | undefined
  const fetch = () =>
    load().then((fn) => {
      loaded = fn
      return fn
    })
  return {
    preload: () => {
      if (!loaded) fetch().catch(() => undefined)
    },
    call: (arg) => (loaded ? loaded(arg) : fetch().then((fn) => fn(arg))),
  }
}

/** What a paste field says when the chunk that reads pasted text could not be fetched. */
export const READER_MISSING = 'foxwatch could not read that: the foxwatch server did not send part of the page (is it restarting?). Try again once it is back.'
