// GET /api/config: what the foxwatch server offers (a server key, the demo tasks).
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'

export const ServerConfig = z.object({
  serverKey: z.boolean(),
  /** Where foxapi is, for "Copy as curl". */
  upstreamBaseUrl: z.string(),
  demo: z.boolean(),
  demoTasks: z.array(z.object({
    id: z.string(),
    title: z.string(),
    model: z.string(),
    /** For a demo transcript: the audio it was made from, to play along with. */
    sourceAudio: z.optional(z.string()),
  })),
})
export type ServerConfig = z.infer<typeof ServerConfig>

export async function getConfig(signal?: AbortSignal): Promise<ServerConfig> {
  const response = await fetch('/api/config', { signal: signal ?? null })
  if (!response.ok) throw new Error(`The foxwatch server answered ${response.status} for its configuration.`)
  const parsed = ServerConfig.safeParse(await response.json())
  if (!parsed.success) throw new Error('The foxwatch server sent a configuration this page cannot read.')
  return parsed.data
}

export const configQueries = {
  server: () =>
    queryOptions({
      queryKey: ['server-config'] as const,
      queryFn: ({ signal }) => getConfig(signal),
      staleTime: 'static',
      retry: 2,
    }),
}
