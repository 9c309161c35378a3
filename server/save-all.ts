// POST /api/save-all: one zip of a whole task, streamed. The page submits a form (so the browser's
// own download manager writes the answer to disk as it arrives); the plan in it lists the result
// files to fetch and the derived text files the page made (subtitles, markdown). Every file passes
// through in chunks, with backpressure, so neither side holds a whole file or the whole archive.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { createResultFetch, ResultRefused, type ResultFetchOptions } from './result-fetch.ts'
import { MAX_ARCHIVE_DEPTH, MAX_ARCHIVE_NAME, MAX_SAVE_DERIVED, MAX_SAVE_PLAN_BYTES, safeFileName, uniqueZipPaths, type ManifestEntry } from '../src/contract/archive-names.ts'
import { formatBytes } from '../src/contract/format-bytes.ts'
import { MAX_TASK_ID } from '../src/contract/task-id.ts'
import { Busy, createMemoryBudget, type MemoryBudget } from './memory-budget.ts'
import { contentDisposition } from './save-route.ts'
import { StreamZip, ZipTooLarge } from './stream-zip.ts'
import { API_CSP } from './security-headers.ts'
import { errorResponse } from './upstream-error.ts'

const MAX_FILES = 2000
/**
 * The plan field itself: names and links only, 2,000 files at the caps. The text files (task.json,
 * subtitles, markdown) come as parts of their own and are never parsed, only passed into the zip.
 */
const MAX_PLAN_FIELD_BYTES = 12 * 1024 * 1024
/** A form's own framing around the plan (boundaries, the field's name). */
const FORM_OVERHEAD_BYTES = 64 * 1024
/** A signed result link runs to a kilobyte or two; past this it is not a result link. */
const MAX_LINK = 4096

/** A name inside the archive, capped as file systems cap them: length, and folders deep. */
const ArchiveName = z.string().min(1).max(MAX_ARCHIVE_NAME, { abort: true })
  .refine((name) => folders(name) <= MAX_ARCHIVE_DEPTH, `A name may be at most ${MAX_ARCHIVE_DEPTH} folders deep.`)

/** How many parts a name's slashes make, counted no further than the cap. */
function folders(name: string): number {
  let parts = 1
  for (let at = name.indexOf('/'); at !== -1 && parts <= MAX_ARCHIVE_DEPTH; at = name.indexOf('/', at + 1)) parts++
  return parts
}

/**
 * What to put in the zip. The task's last response (task.json) and each derived file's text are
 * not in it: they follow as the form's `text` parts, task.json first, then one per derived name.
 */
export const SavePlan = z.object({
  taskId: z.string().min(1).max(MAX_TASK_ID),
  files: z.array(z.object({ url: z.string().max(MAX_LINK), name: ArchiveName })).max(MAX_FILES),
  derived: z.array(z.object({ name: ArchiveName })).max(MAX_SAVE_DERIVED),
})
export type SavePlan = z.infer<typeof SavePlan>

type SaveAllOptions = ResultFetchOptions & {
  /** What the server may hold at once: a plan's bytes are held from it while it is read. */
  budget?: MemoryBudget
}

export function createSaveAllRoute({ budget = createMemoryBudget(), ...options }: SaveAllOptions) {
  const fetchResult = createResultFetch(options)

  return async function saveAll(request: Request): Promise<Response> {
    // A form can be posted from any site; only foxwatch's own page may start a save.
    // Browsers say where a request comes from in Sec-Fetch-Site; the page's no-referrer policy
    // makes its own form posts carry `Origin: null`, so Origin counts only where that is absent.
    const site = request.headers.get('sec-fetch-site')
    const origin = request.headers.get('origin')
    const foreign = site ? site !== 'same-origin' : origin !== null && origin !== new URL(request.url).origin
    if (foreign) {
      return errorResponse(403, 'save_refused', 'Save all can only be started from the foxwatch page itself.')
    }
    // The plan is read whole (a form): past the largest honest plan it is refused, before a byte
    // is read when its length is declared (as browsers do), and its bytes are held from the
    // server's memory budget until its text is in the archive.
    const limit = MAX_SAVE_PLAN_BYTES + FORM_OVERHEAD_BYTES
    const declared = Number(request.headers.get('content-length') ?? Number.NaN)
    if (declared > limit) return tooLarge(declared)
    let body: Uint8Array<ArrayBuffer>
    let giveBack: () => void
    try {
      ({ body, giveBack } = await readPlanBody(request, declared, limit, budget))
    } catch (error) {
      if (error instanceof PlanTooLarge) return tooLarge(error.bytes)
      if (error instanceof Busy) {
        return errorResponse(503, 'server_busy', 'foxwatch is busy with other large answers; try Save all again in a moment.', {
          'retry-after': String(error.retryAfterSeconds),
        })
      }
      return errorResponse(400, 'invalid_request_error', 'The save plan could not be read.')
    }
    let plan: SavePlan
    let texts: Uint8Array[]
    try {
      const form = formParts(body, request.headers.get('content-type') ?? '')
      const field = form.find((part) => part.name === 'plan')
      if (!field) throw new Error('no plan in the form')
      if (field.bytes.byteLength > MAX_PLAN_FIELD_BYTES) {
        giveBack()
        return errorResponse(413, 'body_too_large', `The save plan lists more than ${formatBytes(MAX_PLAN_FIELD_BYTES)} of names and links.`)
      }
      const parsed = SavePlan.safeParse(JSON.parse(new TextDecoder().decode(field.bytes)))
      if (!parsed.success) {
        giveBack()
        return errorResponse(400, 'invalid_request_error', `The save plan is not in the expected shape: ${parsed.error.issues[0]?.message ?? 'unknown'}.`)
      }
      plan = parsed.data
      texts = form.filter((part) => part.name === 'text').map((part) => part.bytes)
      if (texts.length !== plan.derived.length + 1) {
        giveBack()
        return errorResponse(400, 'invalid_request_error', `The save plan names ${plan.derived.length} derived files, so it needs ${plan.derived.length + 1} text parts (task.json first), not ${texts.length}.`)
      }
    } catch (error) {
      giveBack()
      if (error instanceof NotMultipart) {
        return errorResponse(415, 'invalid_request_error', 'Save all takes its plan as multipart/form-data, as the foxwatch page sends it.')
      }
      return errorResponse(400, 'invalid_request_error', 'The save plan could not be read.')
    }

    // About 4 MB of chunks may wait for the browser; past that, reading from the result host pauses.
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, undefined, { highWaterMark: 64 })
    const writer = writable.getWriter()
    const zip = new StreamZip(async (bytes) => {
      // Backpressure: read no more from the result host than the browser has taken.
      if ((writer.desiredSize ?? 0) <= 0) await writer.ready
      void writer.write(bytes).catch(() => undefined)
    })
    const unique = uniqueZipPaths()
    const manifest: ManifestEntry[] = []
    // The person may cancel the download: then stop fetching files nobody will receive.
    let cancelled = false
    writer.closed.catch(() => {
      cancelled = true
    })

    async function addBytes(name: string, body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, url: string | null, contentType: string | null) {
      const hash = createHash('sha256')
      let size = 0
      try {
        size = (await zip.add(name, body, (chunk) => {
          hash.update(chunk)
          size += chunk.byteLength
        })).size
        manifest.push({ name, url, size, content_type: contentType, sha256: hash.digest('hex'), saved_at: new Date().toISOString() })
      } catch (error) {
        // Past 4 GB the archive itself is broken: nothing more can be added to it.
        if (error instanceof ZipTooLarge) throw error
        // A cap (size, time) says which; anything else is the host's connection breaking.
        const why = error instanceof ResultRefused ? error.message : 'The download broke off; this file is incomplete.'
        manifest.push({ name, url, size, content_type: contentType, sha256: null, saved_at: new Date().toISOString(), error: why })
      }
    }

    const text = (value: string) => [new TextEncoder().encode(value)]

    void (async () => {
      try {
        // The texts go in as the bytes the page sent: views into the form's body, never decoded.
        const [taskJson = new Uint8Array(0), ...derivedTexts] = texts
        await addBytes(unique('task.json'), [taskJson], null, 'application/json')
        for (const [index, derived] of plan.derived.entries()) await addBytes(unique(derived.name), [derivedTexts[index] ?? new Uint8Array(0)], null, null)
        // The texts are in the archive now; only the plan's list of links is still needed.
        texts = []
        giveBack()
        for (const [index, file] of plan.files.entries()) {
          if (cancelled) return
          // Files that fail at once (dead links) never wait on a socket: every so often the
          // other requests get their turn, so no plan holds the server's one thread for long.
          if (index % 64 === 63) await new Promise((resolve) => setImmediate(resolve))
          const name = unique(file.name)
          try {
            const response = await fetchResult(file.url, request.url)
            if (!response.body) throw new Error('empty')
            await addBytes(name, response.body, file.url, response.headers.get('content-type'))
          } catch (error) {
            // Recorded, not fatal: an expired link must not cost the rest of the task.
            manifest.push({
              name, url: file.url, size: 0, content_type: null, sha256: null, saved_at: new Date().toISOString(),
              error: error instanceof ResultRefused ? error.message : 'foxwatch could not fetch this file.',
            })
          }
        }
        await zip.add(unique('manifest.json'), text(`${JSON.stringify({ task_id: plan.taskId, files: manifest }, null, 2)}\n`))
        await zip.finish()
        await writer.close()
      } catch (error) {
        await writer.abort(error).catch(() => undefined)
      } finally {
        giveBack()
      }
    })()

    return new Response(readable, {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        // The page posts into a hidden frame of its own (see save-all-button.tsx).
        'content-security-policy': `${API_CSP}; frame-ancestors 'self'`,
        'x-frame-options': 'SAMEORIGIN',
        'content-disposition': contentDisposition('attachment', `${safeFileName(plan.taskId)}.zip`),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    })
  }
}

function tooLarge(bytes: number): Response {
  return errorResponse(413, 'body_too_large',
    `This Save all plan is ${formatBytes(bytes)}; foxwatch takes at most ${formatBytes(MAX_SAVE_PLAN_BYTES)}. Save the files one by one instead.`)
}

class PlanTooLarge extends Error {
  readonly bytes: number
  constructor(bytes: number) {
    super('plan too large')
    this.bytes = bytes
  }
}

/**
 * The request's body, at most `limit` bytes, held from the budget: all at once when its length is
 * declared, else as it comes (and refused, not half held, when the budget has no room left).
 */
async function readPlanBody(request: Request, declared: number, limit: number, budget: MemoryBudget) {
  let held = 0
  const giveBack = () => {
    budget.give(held)
    held = 0
  }
  try {
    if (Number.isSafeInteger(declared) && declared > 0) {
      await budget.take(declared)
      held = declared
    }
    const chunks: Uint8Array[] = []
    let size = 0
    if (request.body) {
      for await (const chunk of request.body) {
        size += chunk.byteLength
        if (size > limit) throw new PlanTooLarge(size)
        if (size > held) {
          if (!budget.tryTake(size - held)) throw new Busy(2)
          held = size
        }
        chunks.push(chunk)
      }
    }
    const body = new Uint8Array(new ArrayBuffer(size))
    let offset = 0
    for (const chunk of chunks) {
      body.set(chunk, offset)
      offset += chunk.byteLength
    }
    return { body, giveBack }
  } catch (error) {
    giveBack()
    throw error
  }
}

/** One part of a multipart form: its field name, and its bytes (a view into the body, not a copy). */
export type FormPart = { name: string; bytes: Uint8Array }

/**
 * The parts of a multipart form, found with the platform's native searches: a general form parser
 * does it in JavaScript a character at a time (half a second for 40 MB), all of it on the one
 * thread every other request waits for. Only multipart is taken, as the page sends it: URL encoding
 * makes the text half as large again, and decoding its escapes is slow too.
 */
export function formParts(body: Uint8Array<ArrayBuffer>, contentType: string): FormPart[] {
  const boundary = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType)
  if (!boundary) throw new NotMultipart()
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2] ?? ''}`)
  const parts: FormPart[] = []
  // The first delimiter has no line break before it; `at` is always at a `--boundary`.
  for (let at = bytes.indexOf(delimiter.subarray(2)); at !== -1 && parts.length <= MAX_PARTS;) {
    const headersStart = at + delimiter.length
    const headersEnd = bytes.indexOf('\r\n\r\n', headersStart)
    if (headersEnd === -1) break
    const next = bytes.indexOf(delimiter, headersEnd + 4)
    if (next === -1) break
    const headers = bytes.toString('latin1', headersStart, headersEnd)
    const name = /^content-disposition:\s*form-data;\s*name="([^"]*)"/im.exec(headers)?.[1]
    if (name !== undefined) parts.push({ name, bytes: body.subarray(headersEnd + 4, next) })
    at = next + 2
  }
  return parts
}

/** A plan, task.json and every derived file the plan may name, with room for a few fields more. */
const MAX_PARTS = MAX_SAVE_DERIVED + 10

export class NotMultipart extends Error {}
