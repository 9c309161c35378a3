// SHA-256 fed in chunks, so a kept file of any size is hashed while it streams past once. Web
// Crypto's digest() wants the whole input in memory, which is exactly what Save all must avoid.
// The rounds are @noble/hashes' (audited, and about twice as fast here as the plain loop this
// replaced); this keeps the small interface the zip code uses.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

export class Sha256 {
  private readonly hash = sha256.create()
  private digest: string | undefined

  update(data: Uint8Array): this {
    if (this.digest !== undefined) throw new Error('This hash has already been read.')
    this.hash.update(data)
    return this
  }

  /** The digest as lowercase hex, as manifest.json records it. */
  hex(): string {
    this.digest ??= bytesToHex(this.hash.digest())
    return this.digest
  }
}
