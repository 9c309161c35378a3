// CRC-32 for the zip and SHA-256 for the manifest, fed together, chunk by chunk: what the hashing
// worker runs, and what the page runs where no worker can start.
import { Crc32 } from './crc32'
import { Sha256 } from './sha256'

export type Digest = { crc32: number; sha256: string; size: number }

export function createDigester() {
  const crc = new Crc32()
  const sha = new Sha256()
  let size = 0
  return {
    add(chunk: Uint8Array) {
      crc.update(chunk)
      sha.update(chunk)
      size += chunk.byteLength
    },
    digest: (): Digest => ({ crc32: crc.value(), sha256: sha.hex(), size }),
  }
}
