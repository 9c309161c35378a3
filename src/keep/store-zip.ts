// A zip assembled in the page from Blobs without copying them: headers are small byte arrays,
// the file bytes stay the Files they are (on disk, in the origin private file system), and the
// browser streams the composite Blob to disk when it is downloaded. Entries are STORED: media is
// already compressed, and storing keeps the archive a pure concatenation.
import { centralRecord, endRecord, localHeader, MAX_ENTRIES, MAX_OFFSET } from '../contract/zip-records'

export type ZipEntry = {
  /** Path inside the zip, with `/` between folders. */
  name: string
  data: Blob
  /** CRC-32 of `data` (hashing.ts). */
  crc: number
  modified: Date
}

export class ZipTooLarge extends Error {}

export function storeZip(entries: readonly ZipEntry[]): Blob {
  if (entries.length > MAX_ENTRIES) throw new ZipTooLarge(`A zip without Zip64 holds at most ${MAX_ENTRIES} files.`)
  const parts: BlobPart[] = []
  const central: Array<Uint8Array<ArrayBuffer>> = []
  let offset = 0
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name)
    const size = entry.data.size
    if (offset + 30 + name.byteLength + size > MAX_OFFSET) throw new ZipTooLarge('The archive would pass 4 GB, which needs Zip64.')
    const record = { name, crc: entry.crc, size, modified: entry.modified, offset }
    const local = localHeader(record)
    central.push(centralRecord(record))
    parts.push(local, entry.data)
    offset += local.byteLength + size
  }
  const centralSize = central.reduce((sum, record) => sum + record.byteLength, 0)
  if (offset + centralSize > MAX_OFFSET) throw new ZipTooLarge('The archive would pass 4 GB, which needs Zip64.')
  return new Blob([...parts, ...central, endRecord(entries.length, offset, centralSize)], { type: 'application/zip' })
}
