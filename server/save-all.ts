// POST /api/save-all: one zip of a whole task, streamed. The page submits a form (so the browser's
// own download manager writes the answer to disk as it arrives); the plan in it lists the result
// files to fetch and the derived text files the page made (subtitles, markdown). Every file passes
// through in chunks, with backpressure, so neither side holds a whole file or the whole archive.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { createResultFetch, ResultRefused, type ResultFetchOptions } from './result-fetch.ts'
import { safeFileName, uniqueZipPaths, type ManifestEntry } from '../src/api/archive-names.ts'
import { contentDisposition } from './save-route.ts'
import { StreamZip, ZipTooLarge } from './stream-zip.ts'
import { errorResponse } from './upstream-error.ts'

const MAX_FILES = 2000

export const SavePlan = z.object({
  taskId: z.string().min(1).max(512),
  /** The task's last response, as JSON text: saved as task.json. */
  task: z.string(),
  files: z.array(z.object({ url: z.string(), name: z.string().min(1) })).max(MAX_FILES),
  derived: z.array(z.object({ name: z.string().min(1), text: z.string() })).max(100),
})
export type SavePlan = z.infer<typeof SavePlan>

export function createSaveAllRoute(options: ResultFetchOptions) {
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
    let plan: SavePlan
    try {
      const form = await request.formData()
      const parsed = SavePlan.safeParse(JSON.parse(String(form.get('plan') ?? '')))
      if (!parsed.success) return errorResponse(400, 'invalid_request_error', 'The save plan is not in the expected shape.')
      plan = parsed.data
    } catch {
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
        await addBytes(unique('task.json'), text(plan.task), null, 'application/json')
        for (const derived of plan.derived) await addBytes(unique(derived.name), text(derived.text), null, null)
        for (const file of plan.files) {
          if (cancelled) return
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
      }
    })()

    return new Response(readable, {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        // The page posts into a hidden frame of its own (see save-all-button.tsx).
        'content-security-policy': "default-src 'none'; sandbox; frame-ancestors 'self'",
        'x-frame-options': 'SAMEORIGIN',
        'content-disposition': contentDisposition('attachment', `${safeFileName(plan.taskId)}.zip`),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    })
  }
}
