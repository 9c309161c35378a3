import { lazy, Suspense } from 'react'
import { routeOf } from '../lib/router'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { downloadText } from '../lib/download'
import { ListPlaceholder } from '../lib/list-placeholder'
import { Button } from '../lib/ui/button'
import { UnsavedNotice } from '../lib/unsaved-notice'
import { hasShelved, useShelf, useUnsavedShelf } from './id-shelf'
import type { ShelfEntry } from './shelf-entry'

// The list is a chunk fetched once the shelf has an ID: at once, on the IDs page opened with one.
const loadShelfList = () => import('./shelf-list')
const ShelfList = lazy(() => loadShelfList().then((module) => ({ default: module.ShelfList })))
// A failure here is met again, and shown, when the list renders.
if (routeOf(window.location.pathname).page === 'ids' && hasShelved()) void loadShelfList().catch(() => undefined)

function exportShelf(entries: readonly ShelfEntry[]) {
  downloadText(`${JSON.stringify(entries, null, 2)}\n`, 'application/json', 'foxwatch-id-shelf.json')
}

/** Every reusable ID foxwatch has seen in this browser, labelled, copyable, exportable. */
export function IdShelfView() {
  const entries = useShelf()
  const unsaved = useUnsavedShelf()
  return (
    <section aria-labelledby="shelf-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="shelf-heading" className="text-xl font-semibold">
          ID shelf
        </h1>
        <span className="text-sm text-stone-500 dark:text-stone-400">
          Voice, character and profile IDs outlive the result links; every one seen is kept here.
        </span>
        {entries.length > 0 && (
          <Button className="ml-auto" onClick={() => exportShelf(entries)}>
            Export JSON
          </Button>
        )}
      </div>
      <UnsavedNotice count={unsaved} list="the ID shelf" />
      {entries.length === 0 ? (
        <p className="text-sm text-stone-500 dark:text-stone-400">No IDs yet. Watch a voice, character or profile task and its ID lands here.</p>
      ) : (
        <ChunkBoundary what="ID shelf">
          {/* Each ID takes about two lines. */}
          <Suspense fallback={<ListPlaceholder rows={2 * entries.length} />}>
            <ShelfList entries={entries} />
          </Suspense>
        </ChunkBoundary>
      )}
    </section>
  )
}
