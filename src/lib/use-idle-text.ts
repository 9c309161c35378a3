// Text that costs the locale's data to make (a date, a time of day): the page's first such text
// loads it, 15 to 25 ms, so it is made when the page is next idle and a first screen never waits
// on it (decision 0041). Undefined until then.
import { useEffect, useState } from 'react'
import { whenIdle } from './when-idle'

/** `make()` once the page is idle (within a second at most); again when `key` changes. */
export function useIdleText(make: (key: number) => string, key: number): string | undefined {
  const [made, setMade] = useState<{ key: number; text: string }>()
  useEffect(() => whenIdle(() => setMade({ key, text: make(key) }), { timeoutMs: 1000 }), [make, key])
  return made?.key === key ? made.text : undefined
}
