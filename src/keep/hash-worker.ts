// The hashing of kept files, off the page's thread: CRC-32 for the zip and SHA-256 for the
// manifest. One worker hashes one thing: chunks posted to it in order, then 'end'; or a Blob,
// which it reads itself (a Blob crosses to a worker without its bytes being copied).
import { createDigester, type Digest } from './digester'

export type HashRequest = Uint8Array | 'end' | { blob: Blob }
export type HashReply = { hashed: number } | Digest | { failed: string }

const { add, digest } = createDigester()
const reply = (message: HashReply) => self.postMessage(message)

self.onmessage = async (event: MessageEvent<HashRequest>) => {
  const request = event.data
  try {
    if (request instanceof Uint8Array) {
      add(request)
      reply({ hashed: request.byteLength })
    } else if (request === 'end') {
      reply(digest())
    } else {
      for await (const chunk of request.blob.stream()) add(chunk)
      reply(digest())
    }
  } catch (error) {
    reply({ failed: error instanceof Error ? error.message : String(error) })
  }
}
