import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { storeZip } from './store-zip'
import { digestBlob } from './hashing'

/** A bit-at-a-time CRC-32, independent of the table-driven one under test. */
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of data) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', data)), (b) => b.toString(16).padStart(2, '0')).join('')
}

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * seed + 7) & 0xff)

describe('storeZip', () => {
  it('makes a zip fflate reads back byte for byte, with CRCs that match the files', async () => {
    const files = {
      'task.json': new TextEncoder().encode('{"id":"t-1"}\n'),
      'material-t/normal.png': bytes(70_000, 13),
      'empty.txt': new Uint8Array(0),
      'näme ✓.bin': bytes(1000, 3),
    }
    const entries = await Promise.all(
      Object.entries(files).map(async ([name, data]) => {
        const blob = new Blob([data])
        return { name, data: blob, crc: (await digestBlob(blob)).crc32, modified: new Date(2025, 5, 1, 12, 30, 10) }
      }),
    )
    const zip = new Uint8Array(await storeZip(entries).arrayBuffer())
    const unzipped = unzipSync(zip)
    expect(Object.keys(unzipped).sort()).toEqual(Object.keys(files).sort())
    for (const [name, data] of Object.entries(files)) expect(unzipped[name], name).toEqual(data)

    // Every central directory record carries the CRC-32 zlib computes for its file.
    const view = new DataView(zip.buffer)
    const end = zip.byteLength - 22
    let at = view.getUint32(end + 16, true)
    for (let n = 0; n < entries.length; n++) {
      expect(view.getUint32(at, true)).toBe(0x02014b50)
      const nameLength = view.getUint16(at + 28, true)
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength))
      const data = Object.entries(files).find(([key]) => key === name)?.[1]
      expect(data, name).toBeDefined()
      expect(view.getUint32(at + 16, true), name).toBe(crc32(data ?? new Uint8Array()))
      at += 46 + nameLength
    }
  })

  it('digests a blob in one pass: size, CRC-32 and SHA-256', async () => {
    const data = bytes(200_000, 29)
    const digest = await digestBlob(new Blob([data.subarray(0, 5), data.subarray(5)]))
    expect(digest).toEqual({ size: data.byteLength, crc32: crc32(data), sha256: await sha256Hex(data) })
  })
})
