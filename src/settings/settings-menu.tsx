// The settings that are set once and left: behind one button named "Settings", so the header
// keeps to what is used every minute (the Task ID box and the pages).
import { Popover } from '../lib/ui/popover'
import { updateSettings, useSettings } from '../lib/settings'

/** Notifications are asked for only here, on the person's click, never on load. */
async function setNotify(on: boolean) {
  if (!on || !('Notification' in window)) return updateSettings({ notify: false })
  const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission
  updateSettings({ notify: permission === 'granted' })
}

const ROW = 'flex items-start gap-2 text-sm'
const HINT = 'block text-xs text-stone-500 dark:text-stone-400'

export function SettingsMenu() {
  const settings = useSettings()
  return (
    <Popover label="Settings" title="Settings">
      {() => (
        <div className="flex flex-col gap-3">
          <label className={ROW}>
            <input type="checkbox" className="mt-1" checked={settings.syncUpstream} onChange={(event) => updateSettings({ syncUpstream: event.target.checked })} />
            <span>
              Sync with provider
              <span className={HINT}>Ask foxapi to refresh a running task from its provider before answering.</span>
            </span>
          </label>
          <label className={ROW}>
            <input type="checkbox" className="mt-1" checked={settings.autoKeep} onChange={(event) => updateSettings({ autoKeep: event.target.checked })} />
            <span>
              Auto-keep
              <span className={HINT}>Keep every task that completes while you watch it in this browser, so it outlives its links.</span>
            </span>
          </label>
          <label className={ROW}>
            <input type="checkbox" className="mt-1" checked={settings.notify} onChange={(event) => void setNotify(event.target.checked)} />
            <span>
              Notify
              <span className={HINT}>A browser notification when a task finishes while this tab is hidden.</span>
            </span>
          </label>
          <label className={ROW}>
            <input type="checkbox" className="mt-1" checked={settings.sound} onChange={(event) => updateSettings({ sound: event.target.checked })} />
            <span>
              Sound
              <span className={HINT}>A short chime when a watched task finishes.</span>
            </span>
          </label>
          <label className="flex items-center gap-2 text-sm">
            Theme
            <select
              value={settings.theme}
              onChange={(event) => {
                const theme = event.target.value
                updateSettings({ theme: theme === 'light' || theme === 'dark' ? theme : 'system' })
              }}
              className="rounded border border-stone-300 bg-white px-1 py-0.5 dark:border-stone-600 dark:bg-stone-900"
            >
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </div>
      )}
    </Popover>
  )
}
