// A STORED zip written as its files stream through: each file's bytes pass on untouched, its CRC
// is taken on the way (zlib's native crc32, several times faster than a JS table) and written
// after it in a data descriptor. Media is already compressed, so storing costs nothing in size.
import { crc32 } from 'node:zlib'
import { centralRecord, dataDescriptor, endRecord, localHeader, MAX_ENTRIES, MAX_OFFSET, type ZipRecordEntry } from '../src/contract/zip-records.ts'

export class ZipTooLarge extends Error {}

/** Takes the archive's bytes in order; resolves when the reader is ready for more. */
export type ZipSink = (bytes: Uint8Array) => Promise<void>

export class StreamZip {
  readonly #sink: ZipSink
  readonly #entries: ZipRecordEntry[] = []
  #offset = 0

  constructor(sink: ZipSink) {
    this.#sink = sink
  }

  async #write(bytes: Uint8Array) {
    this.#offset += bytes.byteLength
    if (this.#offset > MAX_OFFSET) throw new ZipTooLarge('The archive would pass 4 GB, which needs Zip64.')
    await this.#sink(bytes)
  }

  /**
   * Streams one file into the archive. `onChunk` sees each chunk too (for a hash). If the body
   * breaks off, the entry is closed with what arrived (its descriptor still matches its bytes,
   * so the archive stays readable) and the error is thrown on.
   */
  async add(path: string, body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, onChunk?: (chunk: Uint8Array) => void): Promise<{ size: number }> {
    if (this.#entries.length >= MAX_ENTRIES) throw new ZipTooLarge(`A zip without Zip64 holds at most ${MAX_ENTRIES} files.`)
    const entry: ZipRecordEntry = { name: new TextEncoder().encode(path), crc: 0, size: 0, modified: new Date(), offset: this.#offset, streamed: true }
    await this.#write(localHeader(entry))
    let failure: unknown
    try {
      for await (const chunk of body) {
        entry.crc = crc32(chunk, entry.crc)
        entry.size += chunk.byteLength
        onChunk?.(chunk)
        await this.#write(chunk)
      }
    } catch (error) {
      if (error instanceof ZipTooLarge) throw error
      failure = error
    }
    this.#entries.push(entry)
    await this.#write(dataDescriptor(entry.crc, entry.size))
    if (failure !== undefined) throw failure
    return { size: entry.size }
  }

  /** Writes the central directory; the archive is complete after this. */
  async finish(): Promise<void> {
    const start = this.#offset
    for (const entry of this.#entries) await this.#write(centralRecord(entry))
    await this.#write(endRecord(this.#entries.length, start, this.#offset - start))
  }
}
