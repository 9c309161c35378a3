// The hashing of kept files, off the page's thread: CRC-32 for the zip and SHA-256 for the
// manifest. One worker hashes one thing: chunks posted to it in order, then 'end'; or a Blob,
// which it reads itself (a Blob crosses to a worker without its bytes being copied).
import { Crc32 } from './crc32'
import { Sha256 } from './sha256'

export type HashRequest = Uint8Array | 'end' | { blob: Blob }
export type HashReply = { hashed: number } | { crc32: number; sha256: string; size: number } | { failed: string }

const crc = new Crc32()
const sha = new Sha256()
let size = 0
const reply = (message: HashReply) => self.postMessage(message)

function add(chunk: Uint8Array) {
  crc.update(chunk)
  sha.update(chunk)
  size += chunk.byteLength
}

self.onmessage = async (event: MessageEvent<HashRequest>) => {
  const request = event.data
  try {
    if (request instanceof Uint8Array) {
      add(request)
      reply({ hashed: request.byteLength })
    } else if (request === 'end') {
      reply({ crc32: crc.value(), sha256: sha.hex(), size })
    } else {
      for await (const chunk of request.blob.stream()) add(chunk)
      reply({ crc32: crc.value(), sha256: sha.hex(), size })
    }
  } catch (error) {
    reply({ failed: error instanceof Error ? error.message : String(error) })
  }
}
