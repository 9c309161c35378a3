// The header's key control: small, and in the first load; the form itself (api-key-field.tsx)
// loads when Add key opens it.
import { Suspense } from 'react'
import { preloadable } from '../lib/preloadable'
import { Button } from '../lib/ui/button'
import { Popover } from '../lib/ui/popover'
import { forgetApiKey, isKeyRemembered, useApiKey } from '../lib/api-key'

// Fetched as the pointer or the focus comes to Add key, so the field is usually here by the click
// (and then shows at once, with no Suspense fallback in between).
const ApiKeyField = preloadable(() => import('./api-key-field').then((module) => module.ApiKeyField))
const preloadField = () => void ApiKeyField.preload()

/** The key's ends, enough to tell two keys apart and never enough to use one. */
function keyEnds(key: string): string {
  return `${key.slice(0, 5)}…${key.slice(-2)}`
}

/**
 * The header's small control, when the server has no key of its own: "Demo mode · Add key"
 * until a key is given (the form opens below it, and goes with the popover once the key is
 * given), then the key's ends and Forget key.
 */
export function ApiKeyControl() {
  const key = useApiKey()
  if (key) {
    return (
      <span className="flex items-center gap-1 text-sm">
        <code
          className="rounded bg-stone-200 px-1 dark:bg-stone-800"
          title={isKeyRemembered() ? 'API key remembered in this browser' : 'API key kept for this browser session'}
        >
          {keyEnds(key)}
        </code>
        <Button variant="quiet" onClick={forgetApiKey}>
          Forget key
        </Button>
      </span>
    )
  }
  return (
    <span className="flex items-center gap-1 text-sm" onPointerEnter={preloadField} onFocus={preloadField}>
      <span className="text-stone-600 dark:text-stone-300">
        Demo mode <span aria-hidden="true">·</span>
      </span>
      <Popover label="Add key" title="foxapi API key">
        <Suspense fallback={<p role="status" className="text-sm text-stone-500 dark:text-stone-400">Opening the key field…</p>}>
          <ApiKeyField autoFocus />
        </Suspense>
      </Popover>
    </span>
  )
}
