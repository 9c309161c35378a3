import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { whenWritten } from './wire-time.ts'

let server: Server | undefined

afterEach(() => new Promise<void>((resolve) => server ? server.close(() => resolve()) : resolve()))

/** A loopback server that notes, as each request arrives, what `probe` says then, and answers when let. */
async function listen(probe: () => unknown) {
  const seen: unknown[] = []
  let answer: () => void = () => undefined
  const answered = new Promise<void>((resolve) => {
    answer = resolve
  })
  server = createServer((_request, response) => {
    seen.push(probe())
    void answered.then(() => response.end('{}'))
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/tasks/t-1`, seen, answer }
}

describe('when a query to foxapi leaves', () => {
  it('is told as fetch writes the request out, before foxapi has read it and long before it answers', async () => {
    let written = 0
    const { url, seen, answer } = await listen(() => written)
    const response = whenWritten(() => written++, () => fetch(url))
    await expect.poll(() => seen).toEqual([1])
    answer()
    await (await response).text()
    // Told once, and not again as the answer came.
    expect(written).toBe(1)
  })

  it('tells each of several queries sent at once about its own request only', async () => {
    const marks: string[] = []
    const { url, seen, answer } = await listen(() => marks.length)
    const all = ['a', 'b', 'c'].map((name) => whenWritten(() => marks.push(name), () => fetch(`${url}?${name}`)))
    await expect.poll(() => seen).toHaveLength(3)
    expect([...marks].sort()).toEqual(['a', 'b', 'c'])
    answer()
    await Promise.all(all)
    expect(marks).toHaveLength(3)
  })

  it('is told when the query fails without getting out, or when an upstream other than fetch answers', async () => {
    let written = 0
    // Nothing listens on port 9 of loopback.
    await expect(whenWritten(() => written++, () => fetch('http://127.0.0.1:9/v1/tasks/t-1'))).rejects.toThrow()
    expect(written).toBe(1)
    await whenWritten(() => written++, async () => Response.json({}))
    expect(written).toBe(2)
  })
})
