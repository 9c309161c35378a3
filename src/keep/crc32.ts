// CRC-32 (the zip polynomial), fed in chunks like the SHA-256 beside it.

const TABLE = new Uint32Array(256)
for (let n = 0; n < 256; n++) {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  TABLE[n] = c >>> 0
}

export class Crc32 {
  private crc = 0xffffffff

  update(data: Uint8Array): this {
    let crc = this.crc
    for (const byte of data) crc = (TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
    this.crc = crc
    return this
  }

  value(): number {
    return (this.crc ^ 0xffffffff) >>> 0
  }
}
