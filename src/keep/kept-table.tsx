// The home page's table of kept tasks: a chunk of its own, fetched only when something is kept.
import { taskPath } from '../lib/router'
import { Link } from '../lib/link'
import { formatTime } from '../lib/format'
import { Button } from '../lib/ui/button'
import { formatBytes } from '../contract/format-bytes'
import type { KeptTask } from './kept-meta'
import { removeKept } from './kept-files'

export function KeptTable({ tasks }: { tasks: readonly KeptTask[] }) {
  return (
    <table aria-label="Kept tasks" className="w-full overflow-hidden rounded-lg border border-stone-200 bg-white text-left text-sm dark:border-stone-700 dark:bg-stone-900">
      <thead className="text-xs text-stone-500 dark:text-stone-400">
        <tr className="border-b border-stone-200 dark:border-stone-700">
          <th scope="col" className="px-3 py-2 font-medium">Task</th>
          <th scope="col" className="px-3 py-2 font-medium">Model</th>
          <th scope="col" className="px-3 py-2 text-right font-medium">Size</th>
          <th scope="col" className="px-3 py-2 font-medium">Kept</th>
          <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {tasks.map(({ meta, size }) => (
          <tr key={meta.taskId} className="border-b border-stone-200 last:border-0 dark:border-stone-700">
            <th scope="row" className="px-3 py-2 font-mono font-normal break-all">
              <Link
                href={taskPath(meta.taskId)}
                className="underline"
              >
                {meta.taskId}
              </Link>
            </th>
            <td className="px-3 py-2">{meta.model ?? 'not given'}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatBytes(size)}</td>
            <td className="px-3 py-2 text-stone-600 dark:text-stone-300">{formatTime(meta.keptAt)}</td>
            <td className="px-3 py-2 text-right">
              <Button variant="quiet" onClick={() => void removeKept(meta.taskId)} aria-label={`Remove ${meta.taskId} from this browser`}>
                Remove
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
