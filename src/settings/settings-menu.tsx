// The settings that are set once and left: behind one button named "Settings", so the header
// keeps to what is used every minute (the Task ID box and the pages). The panel itself
// (settings-panel.tsx) is fetched as the pointer or the focus comes to the button, so it is
// usually here by the click and shows at once.
import { Suspense } from 'react'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { preloadable } from '../lib/preloadable'
import { Popover } from '../lib/ui/popover'

const SettingsPanel = preloadable(() => import('./settings-panel').then((module) => module.SettingsPanel))
const preloadPanel = () => void SettingsPanel.preload()

export function SettingsMenu() {
  return (
    <span onPointerEnter={preloadPanel} onFocus={preloadPanel}>
      <Popover label="Settings" title="Settings">
        <ChunkBoundary what="settings">
          <Suspense fallback={<p role="status" className="text-sm text-stone-500 dark:text-stone-400">Opening the settings…</p>}>
            <SettingsPanel />
          </Suspense>
        </ChunkBoundary>
      </Popover>
    </span>
  )
}
