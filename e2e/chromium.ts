// Debian's Chromium, for the browser tests, benchmarks and screenshot scripts: never Playwright's
// own download, which this network cannot fetch. CHROMIUM_PATH points elsewhere when needed.
import { existsSync } from 'node:fs'

export const CHROMIUM_ARGS = [
  '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
]

type Options = {
  /**
   * Prefer Debian's chromium-headless-shell: the same engine without the full browser around
   * it, which runs the browser suite in about two thirds of the time on two cores (decision 0025).
   * The benchmarks and screenshots keep the full browser a person runs.
   */
  headlessShell?: boolean
}

export function chromiumPath({ headlessShell = false }: Options = {}): string {
  // /usr/lib/chromium/chromium skips the /usr/bin wrapper script and its harmless shell warning.
  const shell = headlessShell ? ['/usr/lib/chromium/chromium-headless-shell'] : []
  const candidates = [process.env.CHROMIUM_PATH, ...shell, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path ?? ''))
  if (!found) throw new Error("No Chromium found. Install Debian's (apt-get install -y chromium chromium-headless-shell) or set CHROMIUM_PATH to a Chromium binary.")
  return found
}
