// Debian's Chromium, for the browser tests, benchmarks and screenshot scripts: never Playwright's
// own download, which this network cannot fetch. CHROMIUM_PATH points elsewhere when needed.
import { existsSync } from 'node:fs'

export const CHROMIUM_ARGS = [
  '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
]

export function chromiumPath(): string {
  // /usr/lib/chromium/chromium skips the /usr/bin wrapper script and its harmless shell warning.
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path ?? ''))
  if (!found) throw new Error("No Chromium found. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.")
  return found
}
