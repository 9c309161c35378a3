// Hashing kept files in a worker (hash-worker.ts), so a gigabyte is hashed without the page's
// thread doing it: as a keep streams a file to disk, and for Save all of a file kept before its
// hashes were recorded. Where no worker can start, the page hashes it itself, between chunks.
import { createDigester, type Digest } from './digester'
import type { HashReply, HashRequest } from './hash-worker'

export type { Digest }

/** Chunks posted to the worker and not yet hashed: past this, the stream waits (memory stays bounded). */
const MAX_AHEAD_BYTES = 16 * 2 ** 20

function startWorker(): Worker | undefined {
  try {
    return new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module', name: 'foxwatch hashing' })
  } catch {
    return undefined
  }
}

/**
 * A pass-through stream that hashes what goes through it, and the digest once it has ended. The
 * bytes go on unchanged; a copy of each chunk goes to the worker.
 */
export type HashingStream = {
  stream: TransformStream<Uint8Array, Uint8Array>
  digest: () => Promise<Digest>
  /** Stops the hashing when the copy it rides on has failed (its worker goes). */
  abandon: () => void
}

export function hashingStream(): HashingStream {
  const worker = startWorker()
  if (!worker) {
    const here = createDigester()
    const stream = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        here.add(chunk)
        controller.enqueue(chunk)
      },
    })
    return { stream, digest: async () => here.digest(), abandon: () => undefined }
  }
  let ahead = 0
  let caughtUp: (() => void) | undefined
  let settle: { resolve: (digest: Digest) => void; reject: (error: Error) => void } | undefined
  let failure: Error | undefined
  const done = new Promise<Digest>((resolve, reject) => {
    settle = { resolve, reject }
  })
  // Nobody may ask for the digest (the copy failed first): that is not an unhandled rejection.
  done.catch(() => undefined)
  const fail = (error: Error) => {
    failure = error
    settle?.reject(error)
    caughtUp?.()
    worker.terminate()
  }
  worker.onmessage = (event: MessageEvent<HashReply>) => {
    const reply = event.data
    if ('hashed' in reply) {
      ahead -= reply.hashed
      if (ahead <= MAX_AHEAD_BYTES / 2) caughtUp?.()
    } else if ('failed' in reply) {
      fail(new Error(reply.failed))
    } else {
      settle?.resolve(reply)
      worker.terminate()
    }
  }
  worker.onerror = () => fail(new Error('the hashing worker stopped'))
  const post = (request: HashRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer)
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      if (failure) throw failure
      const copy = chunk.slice()
      ahead += copy.byteLength
      post(copy, [copy.buffer])
      controller.enqueue(chunk)
      if (ahead > MAX_AHEAD_BYTES) await new Promise<void>((resolve) => (caughtUp = resolve))
      caughtUp = undefined
    },
    flush() {
      post('end')
    },
  })
  return { stream, digest: () => done, abandon: () => fail(new Error('the copy stopped')) }
}

/** Below this a Blob (task.json, subtitles) is hashed faster here than a worker can start. */
const SMALL_BYTES = 4 * 2 ** 20

/** A Blob's CRC-32, SHA-256 and size, read once: a large one in a worker, where one can start. */
export async function digestBlob(blob: Blob): Promise<Digest> {
  const worker = blob.size < SMALL_BYTES ? undefined : startWorker()
  if (!worker) {
    const here = createDigester()
    for await (const chunk of blob.stream()) here.add(chunk)
    return here.digest()
  }
  try {
    return await new Promise<Digest>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<HashReply>) => {
        const reply = event.data
        if ('failed' in reply) reject(new Error(reply.failed))
        else if (!('hashed' in reply)) resolve(reply)
      }
      worker.onerror = () => reject(new Error('the hashing worker stopped'))
      worker.postMessage({ blob } satisfies HashRequest)
    })
  } finally {
    worker.terminate()
  }
}
