import { CopyButton } from '../components/ui/copy-button'

/** The last response exactly as foxapi sent it. */
export function RawJson({ value }: { value: unknown }) {
  const json = JSON.stringify(value, null, 2) ?? String(value)
  return (
    <details className="rounded-lg border border-stone-200 bg-white dark:border-stone-700 dark:bg-stone-900">
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium">Raw JSON (last response)</summary>
      <div className="border-t border-stone-200 p-4 dark:border-stone-700">
        <CopyButton text={json} label="Copy JSON" />
        <pre className="mt-2 max-h-96 overflow-auto text-xs">{json}</pre>
      </div>
    </details>
  )
}
