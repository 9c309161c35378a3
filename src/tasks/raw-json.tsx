import { useMemo, useState } from 'react'
import { readableJson, READABLE_DEPTH } from '../api/deep-json'
import { CopyButton } from '../lib/ui/copy-button'

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
      {open && <RawJsonText value={value} />}
    </details>
  )
}

function RawJsonText({ value }: { value: unknown }) {
  const json = useMemo(() => readableJson(value), [value])
  return (
    <div className="border-t border-stone-200 p-4 dark:border-stone-700">
      <CopyButton text={json.text} label="Copy JSON" />
      {!json.indented && (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">
          Nested more than {READABLE_DEPTH} levels deep, so shown without indentation.
        </p>
      )}
      <pre className="mt-2 max-h-96 overflow-auto text-xs">{json.text}</pre>
    </div>
  )
}
