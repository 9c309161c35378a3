// The foxwatch server's configuration: from the page it served (config-in-page.ts), or else from
// GET /api/config, checked against its schema.
import { queryOptions } from '@tanstack/react-query'
import { configInPage } from '../contract/config-in-page'
import type { ServerConfig } from '../contract/server-config'

export type { ServerConfig } from '../contract/server-config'

export async function getConfig(signal?: AbortSignal): Promise<ServerConfig> {
  const response = await fetch('/api/config', { signal: signal ?? null })
  if (!response.ok) throw new Error(`The foxwatch server answered ${response.status} for its configuration.`)
  const body: unknown = await response.json()
  // The schema is a chunk of its own: a page the server wrote its configuration into never needs it.
  const schema = (await import('../contract/server-config')).ServerConfig
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new Error('The foxwatch server sent a configuration this page cannot read.')
  return parsed.data
}

export const configQueries = {
  server: () =>
    queryOptions({
      queryKey: ['server-config'] as const,
      queryFn: ({ signal }) => getConfig(signal),
      initialData: configInPage,
      staleTime: 'static',
      retry: 2,
    }),
}
