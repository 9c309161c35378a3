// The server's whole configuration, read once from the environment.
import { z } from 'zod'

const Flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true')

const Env = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4173),
  FOXAPI_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.foxapi.cc'),
  FOXAPI_API_KEY: z.string().trim().optional().transform((key) => (key ? key : undefined)),
  FOXWATCH_DEMO: Flag.default(true),
  FOXWATCH_DEMO_PACE: z.coerce.number().positive().max(1000).default(1),
  FOXWATCH_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
})

export type Config = {
  host: string
  port: number
  /** The foxapi base URL, without a trailing slash. */
  upstreamBaseUrl: string
  /** A key the server adds to every upstream query; when set, the page never asks for one. */
  apiKey: string | undefined
  demo: boolean
  /** Speeds up (or slows down) the demo upstream's clock; tests run it faster. */
  demoPace: number
  upstreamTimeoutMs: number
  /** Where the built page lives. */
  staticRoot: string
}

export function readConfig(env: NodeJS.ProcessEnv, staticRoot: string): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    throw new Error(`foxwatch: the environment is not usable.\n${z.prettifyError(parsed.error)}`)
  }
  const e = parsed.data
  return {
    host: e.HOST,
    port: e.PORT,
    upstreamBaseUrl: e.FOXAPI_BASE_URL.replace(/\/+$/, ''),
    apiKey: e.FOXAPI_API_KEY,
    demo: e.FOXWATCH_DEMO,
    demoPace: e.FOXWATCH_DEMO_PACE,
    upstreamTimeoutMs: e.FOXWATCH_UPSTREAM_TIMEOUT_MS,
    staticRoot,
  }
}
