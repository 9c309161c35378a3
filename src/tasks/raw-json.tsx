import { useState } from 'react'
import { CopyButton } from '../components/ui/copy-button'

const pretty = (value: unknown) => JSON.stringify(value, null, 2) ?? String(value)

/**
 * The last response exactly as foxapi sent it. Formatted only when opened: an hour's transcript
 * is megabytes of JSON, too much to format on every poll for a panel that is usually closed.
 */
export function RawJson({ value }: { value: unknown }) {
  const [open, setOpen] = useState(false)
  return (
    <details
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="rounded-lg border border-stone-200 bg-white dark:border-stone-700 dark:bg-stone-900"
    >
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium">Raw JSON (last response)</summary>
      {open && (
        <div className="border-t border-stone-200 p-4 dark:border-stone-700">
          <CopyButton text={() => pretty(value)} label="Copy JSON" />
          <pre className="mt-2 max-h-96 overflow-auto text-xs">{pretty(value)}</pre>
        </div>
      )}
    </details>
  )
}
