// A real HTTP server on loopback for the server's unit tests: a result host, a fake foxapi or a
// victim that must never be reached. It records every request it is sent.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'

export type SeenRequest = { method: string; path: string; headers: IncomingHttpHeaders }

export type LoopbackServer = {
  /** `http://127.0.0.1:<port>` (or `http://[::1]:<port>`), without a trailing slash. */
  url: string
  port: number
  requests: SeenRequest[]
  close(): Promise<void>
}

export async function startLoopbackServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {},
): Promise<LoopbackServer> {
  const requests: SeenRequest[] = []
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers })
    handle(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('the loopback server has no port')
  const bound = address.port
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

/** Writes `body` in pieces of `bytes`, one every `everyMs`, then ends: a slow host. */
export function dripBody(res: ServerResponse, body: string, bytes: number, everyMs: number): void {
  let at = 0
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer)
    res.write(body.slice(at, at + bytes))
    at += bytes
    if (at >= body.length) {
      clearInterval(timer)
      res.end()
    }
  }, everyMs)
  res.on('close', () => clearInterval(timer))
}
