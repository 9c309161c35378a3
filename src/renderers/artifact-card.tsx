import type { ReactNode } from 'react'
import { stringifyJson } from '../api/deep-json'

/** A field's value as text: a string as it is, anything else as compact JSON (at any depth). */
function valueText(value: unknown): string {
  return typeof value === 'string' ? value : (stringifyJson(value) ?? String(value))
}

/**
 * The fields of a result that foxwatch does not read (a `note`, a `foo: {…}`), listed beside its
 * preview so nothing foxapi sent is hidden; all as text, never as markup.
 */
function ExtraFields({ fields }: { fields: Record<string, unknown> }) {
  return (
    <dl aria-label="Other fields" className="max-h-48 overflow-auto border-t border-stone-200 px-3 py-2 text-sm dark:border-stone-700">
      {Object.entries(fields).map(([key, value]) => (
        <div key={key} className="flex gap-2">
          <dt className="shrink-0 font-mono text-stone-500 dark:text-stone-400">{key}</dt>
          <dd className="min-w-0 font-mono break-all whitespace-pre-wrap text-stone-800 dark:text-stone-100">{valueText(value)}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * The frame every artifact sits in: the preview, any fields of the result nobody reads, then a
 * line of facts and actions.
 */
export function ArtifactCard({ children, footer, extra }: { children: ReactNode; footer?: ReactNode; extra?: Record<string, unknown> | undefined }) {
  return (
    <figure className="flex flex-col overflow-hidden rounded-lg border border-stone-200 bg-white dark:border-stone-700 dark:bg-stone-900">
      {children}
      {extra && <ExtraFields fields={extra} />}
      {footer && (
        <figcaption className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-stone-200 px-3 py-2 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-300">
          {footer}
        </figcaption>
      )}
    </figure>
  )
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span>
      <span className="text-stone-500 dark:text-stone-400">{label} </span>
      <span className="font-medium text-stone-800 dark:text-stone-100">{children}</span>
    </span>
  )
}
