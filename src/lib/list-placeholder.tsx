/**
 * Where a list that arrives as a chunk of its own will be, while the chunk comes: about its room,
 * kept, and nothing said (no empty state that would then fill).
 */
export function ListPlaceholder({ rows }: { rows: number }) {
  return (
    <div
      aria-busy="true"
      className="rounded-lg border border-stone-200 bg-white dark:border-stone-700 dark:bg-stone-900"
      style={{ height: `${2.5 * (1 + Math.min(rows, 10))}rem` }}
    />
  )
}
