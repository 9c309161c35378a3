/** Where the browser tests' stand-in for foxapi listens (loopback only). */
export const FAKE_UPSTREAM_PORT = 4175
export const FAKE_UPSTREAM = `http://127.0.0.1:${FAKE_UPSTREAM_PORT}`
