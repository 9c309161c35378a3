// What the foxwatch server offers (a server key, the demo tasks): the schema and its type. The
// server writes this into the page it serves (config-in-page.ts), so the page reads it without a
// request and without this module; it is loaded only to check a /api/config answer.
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
