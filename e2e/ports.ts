// Where the browser tests run: the foxwatch server on FOXWATCH_E2E_PORT (4174 by default) and
// the stand-in for foxapi on the next port, loopback only. Two runs side by side need two bases.
const base = Number(process.env.FOXWATCH_E2E_PORT ?? 4174)

export const E2E_PORT = base
export const FAKE_UPSTREAM_PORT = base + 1
export const FAKE_UPSTREAM = `http://127.0.0.1:${FAKE_UPSTREAM_PORT}`
/** Where the tests step the demo tasks' clock in the foxwatch server under test (demo-clock.ts). */
export const DEMO_CLOCK_PORT = base + 2
export const DEMO_CLOCK = `http://127.0.0.1:${DEMO_CLOCK_PORT}`
