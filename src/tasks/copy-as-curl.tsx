import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { configQueries } from '../api/get-config'
import { readApiKey } from '../lib/api-key'
import { CopyButton } from '../lib/ui/copy-button'

/** Single quotes for a POSIX shell: nothing inside is expanded. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** `key: undefined` leaves the key to the shell's $FOXAPI_API_KEY (double quotes, so it expands). */
export function curlCommand(base: string, taskId: string, key: string | undefined): string {
  const header = key === undefined ? '"Authorization: Bearer $FOXAPI_API_KEY"' : shellQuote(`Authorization: Bearer ${key}`)
  return `curl -sS -H ${header} ${shellQuote(`${base}/v1/tasks/${encodeURIComponent(taskId)}`)}`
}

/** The same query from a terminal; the key stays hidden unless the person reveals it. */
export function CopyAsCurl({ taskId }: { taskId: string }) {
  const config = useQuery(configQueries.server())
  const [reveal, setReveal] = useState(false)
  if (!config.data || taskId.startsWith('demo-')) return null
  const browserKey = readApiKey()
  // A server key never reaches the page: the command names the variable to fill in instead.
  const shown = config.data.serverKey || !browserKey ? undefined : reveal ? browserKey : `${browserKey.slice(0, 3)}…redacted`
  const command = curlCommand(config.data.upstreamBaseUrl, taskId, shown)
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <code aria-label="curl command" className="min-w-0 flex-1 overflow-x-auto rounded bg-stone-100 px-2 py-1 text-xs whitespace-nowrap dark:bg-stone-800">
        {command}
      </code>
      {browserKey && !config.data.serverKey && (
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={reveal} onChange={(event) => setReveal(event.target.checked)} />
          Reveal key
        </label>
      )}
      <CopyButton text={command} label="Copy as curl" />
    </div>
  )
}
