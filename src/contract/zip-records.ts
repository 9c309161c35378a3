// The three records a STORED zip is made of, as bytes: a local header before each file, a
// central directory record for each file at the end, and the end-of-central-directory record.
// Shared by the page's zip of a kept task (store-zip.ts) and the server's streamed Save all
// (server/stream-zip.ts). No Zip64: callers refuse archives past 4 GB or 65,535 files.

export const MAX_ENTRIES = 0xffff
export const MAX_OFFSET = 0xffffffff

const UTF8_NAMES = 0x0800
/** The sizes and CRC follow the file in a data descriptor, since a stream knows them only then. */
const SIZES_AFTER = 0x0008
const VERSION = 20

export type ZipRecordEntry = {
  /** The path inside the zip, UTF-8 encoded. */
  name: Uint8Array
  crc: number
  size: number
  modified: Date
  /** Where its local header starts in the archive. */
  offset: number
  /** True when the local header was written before the size and CRC were known. */
  streamed?: boolean
}

function dosTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear())
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  }
}

function flags(entry: Pick<ZipRecordEntry, 'streamed'>): number {
  return UTF8_NAMES | (entry.streamed ? SIZES_AFTER : 0)
}

/** The header before a file's bytes; a streamed one leaves CRC and sizes zero. */
export function localHeader(entry: Omit<ZipRecordEntry, 'offset'>): Uint8Array<ArrayBuffer> {
  const { time, date } = dosTime(entry.modified)
  const known = !entry.streamed
  const local = new Uint8Array(30 + entry.name.byteLength)
  const view = new DataView(local.buffer)
  view.setUint32(0, 0x04034b50, true)
  view.setUint16(4, VERSION, true)
  view.setUint16(6, flags(entry), true)
  view.setUint16(8, 0, true)
  view.setUint16(10, time, true)
  view.setUint16(12, date, true)
  view.setUint32(14, known ? entry.crc : 0, true)
  view.setUint32(18, known ? entry.size : 0, true)
  view.setUint32(22, known ? entry.size : 0, true)
  view.setUint16(26, entry.name.byteLength, true)
  view.setUint16(28, 0, true)
  local.set(entry.name, 30)
  return local
}

/** The CRC and sizes of a streamed file, written right after its bytes. */
export function dataDescriptor(crc: number, size: number): Uint8Array<ArrayBuffer> {
  const record = new Uint8Array(16)
  const view = new DataView(record.buffer)
  view.setUint32(0, 0x08074b50, true)
  view.setUint32(4, crc, true)
  view.setUint32(8, size, true)
  view.setUint32(12, size, true)
  return record
}

export function centralRecord(entry: ZipRecordEntry): Uint8Array<ArrayBuffer> {
  const { time, date } = dosTime(entry.modified)
  const record = new Uint8Array(46 + entry.name.byteLength)
  const view = new DataView(record.buffer)
  view.setUint32(0, 0x02014b50, true)
  view.setUint16(4, VERSION, true)
  view.setUint16(6, VERSION, true)
  view.setUint16(8, flags(entry), true)
  view.setUint16(10, 0, true)
  view.setUint16(12, time, true)
  view.setUint16(14, date, true)
  view.setUint32(16, entry.crc, true)
  view.setUint32(20, entry.size, true)
  view.setUint32(24, entry.size, true)
  view.setUint16(28, entry.name.byteLength, true)
  view.setUint32(42, entry.offset, true)
  record.set(entry.name, 46)
  return record
}

export function endRecord(entries: number, centralOffset: number, centralSize: number): Uint8Array<ArrayBuffer> {
  const end = new Uint8Array(22)
  const view = new DataView(end.buffer)
  view.setUint32(0, 0x06054b50, true)
  view.setUint16(8, entries, true)
  view.setUint16(10, entries, true)
  view.setUint32(12, centralSize, true)
  view.setUint32(16, centralOffset, true)
  return end
}
