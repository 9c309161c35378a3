import { describe, expect, it } from 'vitest'
import { Crc32 } from './crc32'
import { Sha256 } from './sha256'

const text = (value: string) => new TextEncoder().encode(value)

async function webCryptoHex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('')
}

describe('Sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes the known vector %j', (input, digest) => {
    expect(new Sha256().update(text(input)).hex()).toBe(digest)
  })

  it('hashes a million "a"s fed in odd chunks', () => {
    const hash = new Sha256()
    const chunk = new Uint8Array(997).fill(0x61)
    let left = 1_000_000
    while (left > 0) {
      const take = Math.min(left, chunk.byteLength)
      hash.update(chunk.subarray(0, take))
      left -= take
    }
    expect(hash.hex()).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0')
  })

  it('agrees with Web Crypto at every length around a block boundary, split anywhere', async () => {
    for (let length = 0; length < 140; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff)
      const split = Math.floor(length / 3)
      const ours = new Sha256().update(bytes.subarray(0, split)).update(bytes.subarray(split)).hex()
      expect(ours, `length ${length}`).toBe(await webCryptoHex(bytes))
    }
  })
})

describe('Crc32', () => {
  it('gives the standard check value, in one piece or several', () => {
    expect(new Crc32().update(text('123456789')).value()).toBe(0xcbf43926)
    expect(new Crc32().update(text('1234')).update(text('56789')).value()).toBe(0xcbf43926)
    expect(new Crc32().value()).toBe(0)
  })
})
