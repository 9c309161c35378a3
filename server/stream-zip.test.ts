import { unzipSync } from 'fflate'
import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { StreamZip } from './stream-zip.ts'

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * seed + 7) & 0xff)

/** Splits data into chunks the way a socket would hand them over. */
async function* chunked(data: Uint8Array, size: number, breakAfter?: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < data.byteLength; at += size) {
    if (breakAfter !== undefined && at >= breakAfter) throw new Error('connection reset')
    yield data.subarray(at, at + size)
  }
}

async function zipOf(build: (zip: StreamZip) => Promise<void>): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  const zip = new StreamZip(async (part) => {
    parts.push(part.slice())
  })
  await build(zip)
  await zip.finish()
  return Buffer.concat(parts)
}

describe('StreamZip', () => {
  it('streams files into a zip that unzips byte for byte, each with the CRC zlib computes', async () => {
    const files = {
      'task.json': new TextEncoder().encode('{"id":"t-1"}\n'),
      'video-1.mp4': bytes(300_000, 13),
      'empty.txt': new Uint8Array(0),
      'material-t/näme ✓.png': bytes(70_001, 3),
    }
    const seen: number[] = []
    const archive = await zipOf(async (zip) => {
      for (const [name, data] of Object.entries(files)) {
        const { size } = await zip.add(name, chunked(data, 65_536), (chunk) => seen.push(chunk.byteLength))
        expect(size).toBe(data.byteLength)
      }
    })
    expect(seen.reduce((a, b) => a + b, 0)).toBe(Object.values(files).reduce((sum, data) => sum + data.byteLength, 0))
    const unzipped = unzipSync(archive)
    expect(Object.keys(unzipped)).toEqual(Object.keys(files))
    // Compared as buffers: an element-by-element deep equality of 300 kB takes seconds on a busy machine.
    for (const [name, data] of Object.entries(files)) expect(Buffer.from(unzipped[name] ?? []).equals(data), name).toBe(true)

    // Each central record carries the file's CRC and size, and the streamed flag.
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength)
    let at = view.getUint32(archive.byteLength - 22 + 16, true)
    for (const [name, data] of Object.entries(files)) {
      expect(view.getUint32(at, true)).toBe(0x02014b50)
      expect(view.getUint16(at + 8, true) & 0x0008, name).toBe(0x0008)
      expect(view.getUint32(at + 16, true), name).toBe(crc32(data))
      expect(view.getUint32(at + 24, true), name).toBe(data.byteLength)
      at += 46 + view.getUint16(at + 28, true)
    }
  })

  it('closes a file that broke off with what arrived, throws, and keeps the archive readable', async () => {
    const whole = bytes(200_000, 5)
    const archive = await zipOf(async (zip) => {
      await expect(zip.add('broken.bin', chunked(whole, 50_000, 100_000))).rejects.toThrow('connection reset')
      await zip.add('after.txt', [new TextEncoder().encode('still here')])
    })
    const unzipped = unzipSync(archive)
    expect(Buffer.from(unzipped['broken.bin'] ?? []).equals(whole.subarray(0, 100_000))).toBe(true)
    expect(new TextDecoder().decode(unzipped['after.txt'])).toBe('still here')
  })

  it('waits for the reader: no more is taken from a file than the sink has accepted', async () => {
    let release: () => void = () => undefined
    let pulled = 0
    async function* body() {
      for (let n = 0; n < 10; n++) {
        pulled++
        yield bytes(1000, n + 1)
      }
    }
    let written = 0
    const zip = new StreamZip(async () => {
      written++
      // The reader takes the header and two chunks, then stops until released.
      if (written === 3) await new Promise<void>((resolve) => (release = resolve))
    })
    const adding = zip.add('slow.bin', body())
    await expect.poll(() => written).toBe(3)
    expect(pulled).toBe(2)
    release()
    await adding
    expect(pulled).toBe(10)
  })
})
