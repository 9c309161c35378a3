// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChunkBoundary } from './chunk-boundary'
import { preloadable, usePreloaded, type Preloadable } from './preloadable'

afterEach(cleanup)

function Hello({ name }: { name: string }) {
  return <p>Hello, {name}</p>
}

/** A chunk that arrives (or fails) when the test says so. */
function deferredChunk() {
  let arrive: () => void = () => {}
  let fail: () => void = () => {}
  const load = vi.fn(() => new Promise<typeof Hello>((resolve, reject) => {
    arrive = () => resolve(Hello)
    fail = () => reject(new Error('Failed to fetch dynamically imported module: /assets/hello.js'))
  }))
  return { load, arrive: () => arrive(), fail: () => fail() }
}

function Section({ part: Part }: { part: Preloadable<{ name: string }> }) {
  const ready = usePreloaded([Part])
  if (!ready) return <p role="status">Waiting</p>
  return (
    <ChunkBoundary what="hello view">
      <Suspense fallback={<p role="status">Suspended</p>}>
        <Part name="Ada" />
      </Suspense>
    </ChunkBoundary>
  )
}

describe('preloadable', () => {
  it('renders at once, without suspending, once its chunk has arrived', async () => {
    const chunk = deferredChunk()
    const Part = preloadable(chunk.load)
    const loading = Part.preload()
    chunk.arrive()
    await loading
    render(
      <Suspense fallback={<p>Suspended</p>}>
        <Part name="Ada" />
      </Suspense>,
    )
    // Synchronously there: no fallback was ever shown, so React's fallback throttle never applies.
    expect(screen.getByText('Hello, Ada')).toBeTruthy()
    expect(screen.queryByText('Suspended')).toBeNull()
    expect(chunk.load).toHaveBeenCalledTimes(1)
  })

  it('waits with the caller’s own placeholder until the chunk arrives, fetching it once', async () => {
    const chunk = deferredChunk()
    const Part = preloadable(chunk.load)
    render(<Section part={Part} />)
    expect(screen.getByRole('status').textContent).toBe('Waiting')
    await act(async () => chunk.arrive())
    expect(screen.getByText('Hello, Ada')).toBeTruthy()
    expect(screen.queryByText('Suspended')).toBeNull()
    expect(chunk.load).toHaveBeenCalledTimes(1)
  })

  it('after a failed fetch, stops waiting and shows the failure, asking again only once', async () => {
    const chunk = deferredChunk()
    const Part = preloadable(chunk.load)
    vi.spyOn(console, 'error').mockImplementation(() => {})
    render(<Section part={Part} />)
    await act(async () => chunk.fail())
    // Rendering asks once more (the server may be back); that fails too.
    await act(async () => chunk.fail())
    expect(screen.getByRole('alert').textContent).toMatch(/The hello view could not load/)
    // Preloading again (as every render of the task page does) does not ask again.
    await Part.preload()
    expect(Part.settled()).toBe(true)
    expect(chunk.load).toHaveBeenCalledTimes(2)
  })
})
