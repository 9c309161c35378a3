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
  FOXWATCH_ALLOWED_HOSTS: z.string().optional().transform((list) =>
    (list ?? '').split(',').map((host) => host.trim().toLowerCase()).filter(Boolean)),
  FOXWATCH_ACCESS_TOKEN: z.string().trim().optional().transform((token) => (token ? token : undefined)),
})

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1']

/** Whether the server listens only where no other machine can reach it. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.includes(host.toLowerCase()) || /^127\./.test(host)
}

/** The shortest access token accepted: long enough that guessing it is hopeless even unthrottled. */
export const MIN_ACCESS_TOKEN = 16

const MAKE_TOKEN = `node -e "console.log(require('crypto').randomBytes(24).toString('base64url'))"`

/** Settings that would put the server or its upstream's credentials within a stranger's reach. */
function refuseUnsafe(host: string, token: string | undefined, upstreamBaseUrl: string): void {
  if (token !== undefined && token.length < MIN_ACCESS_TOKEN) {
    // The length, never the token: this goes to the console and maybe a log.
    throw new Error(`foxwatch: FOXWATCH_ACCESS_TOKEN is ${token.length} character${token.length === 1 ? '' : 's'} long; it must be at least ${MIN_ACCESS_TOKEN}, `
      + `so nobody can guess it. Make one with: ${MAKE_TOKEN}`)
  }
  if (!isLoopbackHost(host) && token === undefined) {
    // Without it, anyone who can reach the port gets a download proxy, and the server's key if set.
    throw new Error(`foxwatch: HOST=${host} lets other machines in, so set FOXWATCH_ACCESS_TOKEN to a secret of at least `
      + `${MIN_ACCESS_TOKEN} characters: visitors then sign in with it (any user name, the token as password). `
      + `Make one with: ${MAKE_TOKEN}`)
  }
  const upstream = new URL(upstreamBaseUrl)
  if (upstream.username || upstream.password) {
    // The base URL is shown to every visitor (/api/config and each page), so it must hold no secret.
    throw new Error(`foxwatch: FOXAPI_BASE_URL has a user name or password in it (before the @), and every visitor is shown `
      + 'that URL. Take them out of it; put a foxapi key in FOXAPI_API_KEY instead.')
  }
}

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
  /** Host names (without port) the server answers to; others are refused (DNS rebinding). */
  allowedHosts: string[]
  /** Required (as the HTTP Basic password) from every visitor, when set. */
  accessToken: string | undefined
}

export function readConfig(env: NodeJS.ProcessEnv, staticRoot: string): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    throw new Error(`foxwatch: the environment is not usable.\n${z.prettifyError(parsed.error)}`)
  }
  const e = parsed.data
  const apiKey = e.FOXAPI_API_KEY
  refuseUnsafe(e.HOST, e.FOXWATCH_ACCESS_TOKEN, e.FOXAPI_BASE_URL)
  const bound = e.HOST.toLowerCase().replace(/^\[|\]$/g, '')
  const allowedHosts = [...new Set([
    'localhost', '127.0.0.1', '[::1]',
    ...(bound === '0.0.0.0' || bound === '::' ? [] : [bound.includes(':') ? `[${bound}]` : bound]),
    ...e.FOXWATCH_ALLOWED_HOSTS,
  ])]
  return {
    host: e.HOST,
    port: e.PORT,
    upstreamBaseUrl: e.FOXAPI_BASE_URL.replace(/\/+$/, ''),
    apiKey,
    demo: e.FOXWATCH_DEMO,
    demoPace: e.FOXWATCH_DEMO_PACE,
    upstreamTimeoutMs: e.FOXWATCH_UPSTREAM_TIMEOUT_MS,
    staticRoot,
    allowedHosts,
    accessToken: e.FOXWATCH_ACCESS_TOKEN,
  }
}
