import type { ReactNode } from 'react'

/** The frame every artifact sits in: the preview, then a line of facts and actions. */
export function ArtifactCard({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <figure className="flex flex-col overflow-hidden rounded-lg border border-stone-200 bg-white dark:border-stone-700 dark:bg-stone-900">
      {children}
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
