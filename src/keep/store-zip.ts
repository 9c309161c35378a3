// A zip assembled in the page from Blobs without copying them: headers are small byte arrays,
// the file bytes stay the Files they are (on disk, in the origin private file system), and the
// browser streams the composite Blob to disk when it is downloaded. Entries are STORED: media is
// already compressed, and storing keeps the archive a pure concatenation.
import { Crc32 } from './crc32'
import { Sha256 } from './sha256'

export type ZipEntry = {
  /** Path inside the zip, with `/` between folders. */
  name: string
  data: Blob
  /** CRC-32 of `data`, from digestBlob. */
  crc: number
  modified: Date
}

export type BlobDigest = { crc: number; sha256: string; size: number }

/** Reads a Blob once, as a stream, for both the zip's CRC and the manifest's SHA-256. */
export async function digestBlob(blob: Blob): Promise<BlobDigest> {
  const crc = new Crc32()
  const sha = new Sha256()
  let size = 0
  for await (const chunk of blob.stream()) {
    crc.update(chunk)
    sha.update(chunk)
    size += chunk.byteLength
  }
  return { crc: crc.value(), sha256: sha.hex(), size }
}

// Past these a zip needs Zip64 records, which this assembler does not write.
const MAX_ENTRIES = 0xffff
const MAX_OFFSET = 0xffffffff

export class ZipTooLarge extends Error {}

function dosTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear())
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  }
}

const UTF8_NAMES = 0x0800
const VERSION = 20

export function storeZip(entries: readonly ZipEntry[]): Blob {
  if (entries.length > MAX_ENTRIES) throw new ZipTooLarge(`A zip without Zip64 holds at most ${MAX_ENTRIES} files.`)
  const parts: BlobPart[] = []
  const central: Array<Uint8Array<ArrayBuffer>> = []
  let offset = 0
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name)
    const size = entry.data.size
    if (offset + 30 + name.byteLength + size > MAX_OFFSET) throw new ZipTooLarge('The archive would pass 4 GB, which needs Zip64.')
    const { time, date } = dosTime(entry.modified)

    const local = new Uint8Array(30 + name.byteLength)
    const l = new DataView(local.buffer)
    l.setUint32(0, 0x04034b50, true)
    l.setUint16(4, VERSION, true)
    l.setUint16(6, UTF8_NAMES, true)
    l.setUint16(8, 0, true)
    l.setUint16(10, time, true)
    l.setUint16(12, date, true)
    l.setUint32(14, entry.crc, true)
    l.setUint32(18, size, true)
    l.setUint32(22, size, true)
    l.setUint16(26, name.byteLength, true)
    l.setUint16(28, 0, true)
    local.set(name, 30)

    const record = new Uint8Array(46 + name.byteLength)
    const c = new DataView(record.buffer)
    c.setUint32(0, 0x02014b50, true)
    c.setUint16(4, VERSION, true)
    c.setUint16(6, VERSION, true)
    c.setUint16(8, UTF8_NAMES, true)
    c.setUint16(10, 0, true)
    c.setUint16(12, time, true)
    c.setUint16(14, date, true)
    c.setUint32(16, entry.crc, true)
    c.setUint32(20, size, true)
    c.setUint32(24, size, true)
    c.setUint16(28, name.byteLength, true)
    c.setUint32(42, offset, true)
    record.set(name, 46)
    central.push(record)

    parts.push(local, entry.data)
    offset += local.byteLength + size
  }
  const centralSize = central.reduce((sum, record) => sum + record.byteLength, 0)
  if (offset + centralSize > MAX_OFFSET) throw new ZipTooLarge('The archive would pass 4 GB, which needs Zip64.')
  const end = new Uint8Array(22)
  const e = new DataView(end.buffer)
  e.setUint32(0, 0x06054b50, true)
  e.setUint16(8, entries.length, true)
  e.setUint16(10, entries.length, true)
  e.setUint32(12, centralSize, true)
  e.setUint32(16, offset, true)
  return new Blob([...parts, ...central, end], { type: 'application/zip' })
}
