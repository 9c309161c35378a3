// The shelf's IDs once there are some: a chunk of its own, fetched only when the shelf is not empty.
import { useState } from 'react'
import { taskPath } from '../lib/router'
import { Link } from '../lib/link'
import { formatTime } from '../lib/format'
import { Button } from '../lib/ui/button'
import { CopyButton } from '../lib/ui/copy-button'
import { relabel, removeFromShelf } from './id-shelf'
import type { ShelfEntry } from './shelf-entry'

const KIND_LABEL = {
  'kling-voice': 'Kling voice',
  'minimax-voice': 'MiniMax voice',
  'voice': 'Voice',
  'sora-character': 'Sora 2 character',
  'phota-profile': 'PHOTA profile',
} as const satisfies Record<ShelfEntry['idKind'], string>

function ShelfRow({ entry }: { entry: ShelfEntry }) {
  const [label, setLabel] = useState(entry.label)
  const save = () => {
    if (label !== entry.label) relabel(entry, label)
  }
  return (
    <li className="grid gap-2 border-b border-stone-200 py-3 last:border-0 sm:grid-cols-[12rem_1fr_auto] sm:items-center dark:border-stone-700">
      <input
        aria-label={`Label for ${entry.id}`}
        value={label}
        placeholder="Add a label"
        onChange={(event) => setLabel(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur()
        }}
        className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-900"
      />
      <div className="min-w-0 text-sm">
        <code className="font-mono break-all">{entry.id}</code>
        <p className="text-stone-500 dark:text-stone-400">
          {KIND_LABEL[entry.idKind]}
          {entry.name && ` · ${entry.name}`} · {entry.field} · from{' '}
          <Link
            href={taskPath(entry.taskId)}
            className="underline"
          >
            {entry.taskId}
          </Link>
          {entry.model && ` (${entry.model})`} · {formatTime(entry.seenAt)}
        </p>
      </div>
      <div className="flex gap-2">
        <CopyButton text={entry.id} label="Copy ID" />
        <Button variant="quiet" onClick={() => removeFromShelf(entry)} aria-label={`Remove ${entry.id} from the shelf`}>
          Remove
        </Button>
      </div>
    </li>
  )
}

/** Every ID on the shelf, each with its label, where it came from, and Copy and Remove. */
export function ShelfList({ entries }: { entries: readonly ShelfEntry[] }) {
  return (
    <ul aria-label="Saved IDs" className="rounded-lg border border-stone-200 bg-white px-4 dark:border-stone-700 dark:bg-stone-900">
      {entries.map((entry) => (
        <ShelfRow key={`${entry.field}:${entry.id}`} entry={entry} />
      ))}
    </ul>
  )
}
