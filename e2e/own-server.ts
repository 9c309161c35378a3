// A foxwatch server of a test's own, as a real process, for what the shared one can't show:
// what it prints, and what the page does while it is down and after it comes back. It serves the
// page built for this run and talks to the run's fake foxapi.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { E2E_PORT, FAKE_UPSTREAM } from './ports'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Ports of the tests' own servers: past the shared pair, one per spec, so specs never collide. */
export const OWN_SERVER_PORTS = { keyNeverLeaves: E2E_PORT + 50, nothingLost: E2E_PORT + 51, startRefusal: E2E_PORT + 52 } as const

export type OwnServer = {
  url: string
  /** Everything the process has written to stdout and stderr, across restarts. */
  output(): string
  /** Starts it (again), resolving once it listens. */
  start(): Promise<void>
  /** Kills it at once, as a crash or a pulled plug would, resolving once it has exited. */
  kill(): Promise<void>
}

export function ownServer(port: number, env: Record<string, string> = {}): OwnServer {
  let output = ''
  let child: ChildProcess | undefined

  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    start() {
      return new Promise((resolve, reject) => {
        const started = runServer({
          PORT: String(port), HOST: '127.0.0.1', FOXAPI_BASE_URL: FAKE_UPSTREAM, FOXWATCH_DEMO_PACE: '5',
          FOXWATCH_UPSTREAM_TIMEOUT_MS: '3000', FOXAPI_API_KEY: '', FOXWATCH_DEMO: '1', ...env,
        })
        child = started
        started.on('exit', (code) => reject(new Error(`the server exited (${code}) before it listened:\n${output}`)))
        const listen = (chunk: Buffer) => {
          output += chunk.toString()
          if (new RegExp(`foxwatch is running at http://\\S+:${port}/`).test(output)) resolve()
        }
        started.stdout?.on('data', listen)
        started.stderr?.on('data', listen)
      })
    },
    kill() {
      const running = child
      child = undefined
      if (!running || running.exitCode !== null || running.signalCode !== null) return Promise.resolve()
      return new Promise((resolve) => {
        running.removeAllListeners('exit')
        running.once('exit', () => resolve())
        running.kill('SIGKILL')
      })
    },
  }
}

/** `server/main.ts` in a process of its own (node with tsx's loader, so one process to kill). */
export function runServer(env: Record<string, string>): ChildProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(FOXAPI_|FOXWATCH_|HOST$|PORT$)/.test(name)))
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...clean, FOXWATCH_STATIC_DIR: `node_modules/.cache/foxwatch-e2e-${E2E_PORT}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Runs the server expecting it to refuse to start: its exit code and everything it printed. */
export function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = runServer(env)
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      // It started after all: stop it, and let the test say so.
      if (output.includes('foxwatch is running at')) child.kill('SIGKILL')
    }
    child.stdout?.on('data', collect)
    child.stderr?.on('data', collect)
    child.on('exit', (code) => resolve({ code, output }))
  })
}
