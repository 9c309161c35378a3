// What the Settings button opens (settings-menu.tsx): a chunk of its own, fetched as the pointer
// or the focus comes to the button.
import { updateSettings, useSettings } from '../lib/settings'

/** Notifications are asked for only here, on the person's click, never on load. */
async function setNotify(on: boolean) {
  if (!on || !('Notification' in window)) return updateSettings({ notify: false })
  const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission
  updateSettings({ notify: permission === 'granted' })
}

/** A setting that is on or off, with a line saying what it does. */
function Toggle({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-1" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>
        {label}
        <span className="block text-xs text-stone-500 dark:text-stone-400">{hint}</span>
      </span>
    </label>
  )
}

export function SettingsPanel() {
  const settings = useSettings()
  return (
    <div className="flex flex-col gap-3">
      <Toggle label="Sync with provider" hint="Ask foxapi to refresh a running task from its provider before answering."
        checked={settings.syncUpstream} onChange={(syncUpstream) => updateSettings({ syncUpstream })} />
      <Toggle label="Auto-keep" hint="Keep every task that completes while you watch it in this browser, so it outlives its links."
        checked={settings.autoKeep} onChange={(autoKeep) => updateSettings({ autoKeep })} />
      <Toggle label="Notify" hint="A browser notification when a task finishes while this tab is hidden."
        checked={settings.notify} onChange={(on) => void setNotify(on)} />
      <Toggle label="Sound" hint="A short chime when a watched task finishes."
        checked={settings.sound} onChange={(sound) => updateSettings({ sound })} />
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
  )
}
