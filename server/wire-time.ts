// The moment a query to foxapi leaves: Node's fetch (undici) announces each request as it is
// created and again as its headers are written to the socket, on diagnostics channels. A request
// created inside `whenWritten` is told apart from every other by the async context it was created
// in, so nothing is added to the request and nothing is compared but object identity.
import { AsyncLocalStorage } from 'node:async_hooks'
import { subscribe } from 'node:diagnostics_channel'

type Written = () => void

const caller = new AsyncLocalStorage<Written>()
/** undici's own request objects, while their headers are not yet written. */
const waiting = new WeakMap<object, Written>()

type UndiciMessage = { request: object }

subscribe('undici:request:create', (message) => {
  const written = caller.getStore()
  if (written) waiting.set((message as UndiciMessage).request, written)
})

subscribe('undici:client:sendHeaders', (message) => {
  const { request } = message as UndiciMessage
  const written = waiting.get(request)
  if (!written) return
  waiting.delete(request)
  written()
})

/**
 * Runs `send` and calls `written` once: when the request's headers go out on the socket, or, for
 * an upstream that is not Node's fetch (the in-process demo, a test's function) or a request that
 * never got out, when `send` settles.
 */
export async function whenWritten<T>(written: Written, send: () => Promise<T>): Promise<T> {
  let told = false
  const once = () => {
    if (told) return
    told = true
    written()
  }
  try {
    return await caller.run(once, send)
  } finally {
    once()
  }
}
