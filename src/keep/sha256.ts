// SHA-256 fed in chunks, so a kept file of any size is hashed while it streams past once. Web
// Crypto's digest() wants the whole input in memory, which is exactly what Save all must avoid.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

export class Sha256 {
  private readonly state = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
  private readonly block = new Uint8Array(64)
  private readonly words = new Uint32Array(64)
  private filled = 0
  private length = 0
  private done = false

  update(data: Uint8Array): this {
    if (this.done) throw new Error('This hash has already been read.')
    this.length += data.byteLength
    let offset = 0
    while (offset < data.byteLength) {
      const take = Math.min(64 - this.filled, data.byteLength - offset)
      this.block.set(data.subarray(offset, offset + take), this.filled)
      this.filled += take
      offset += take
      if (this.filled === 64) {
        this.compress()
        this.filled = 0
      }
    }
    return this
  }

  /** The digest as lowercase hex, as manifest.json records it. */
  hex(): string {
    if (!this.done) this.finish()
    return Array.from(this.state, (word) => word.toString(16).padStart(8, '0')).join('')
  }

  private finish() {
    const bits = this.length * 8
    this.block[this.filled++] = 0x80
    if (this.filled > 56) {
      this.block.fill(0, this.filled)
      this.compress()
      this.filled = 0
    }
    this.block.fill(0, this.filled)
    const view = new DataView(this.block.buffer)
    // Lengths past 2^32 bits are real here (a gigabyte of video), so both halves are written.
    view.setUint32(56, Math.floor(bits / 0x100000000))
    view.setUint32(60, bits >>> 0)
    this.compress()
    this.done = true
  }

  private compress() {
    const w = this.words
    const view = new DataView(this.block.buffer)
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(i * 4)
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] ?? 0
      const b = w[i - 2] ?? 0
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10)
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) | 0
    }
    const s = this.state
    let [a, b, c, d, e, f, g, h] = [s[0] ?? 0, s[1] ?? 0, s[2] ?? 0, s[3] ?? 0, s[4] ?? 0, s[5] ?? 0, s[6] ?? 0, s[7] ?? 0]
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = (e & f) ^ (~e & g)
      const t1 = (h + S1 + ch + (K[i] ?? 0) + (w[i] ?? 0)) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (S0 + maj) | 0
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    s[0] = (s[0] ?? 0) + a
    s[1] = (s[1] ?? 0) + b
    s[2] = (s[2] ?? 0) + c
    s[3] = (s[3] ?? 0) + d
    s[4] = (s[4] ?? 0) + e
    s[5] = (s[5] ?? 0) + f
    s[6] = (s[6] ?? 0) + g
    s[7] = (s[7] ?? 0) + h
  }
}
