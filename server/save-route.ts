// GET /api/save?url=…&name=…: streams one result file to the browser as a download.
// GET /api/file?url=…: the same file inline, same-origin, for the page's own use (WebGL
// textures, waveforms), which cross-origin rules would otherwise block.
import { safeFileName } from '../src/contract/archive-names.ts'
import { createResultFetch, ResultRefused, type ResultFetchOptions } from './result-fetch.ts'
import { API_CSP } from './security-headers.ts'
import { errorResponse } from './upstream-error.ts'

export function createSaveRoute(options: ResultFetchOptions) {
  const fetchResult = createResultFetch(options)

  return async function save(request: Request, disposition: 'attachment' | 'inline' = 'attachment'): Promise<Response> {
    const params = new URL(request.url).searchParams
    const name = safeFileName(params.get('name'))
    // `check=1` answers whether the file can be fetched, without the bytes, so the page can say
    // why a save would fail (an expired link, say) instead of leaving a failed download.
    const checkOnly = params.get('check') === '1'
    // A HEAD is answered without a body: the result host's connection is let go at once, not
    // left open (and sending) until its idle timeout.
    const head = request.method === 'HEAD'
    try {
      const file = await fetchResult(params.get('url'), request.url, checkOnly || head ? 'HEAD' : 'GET')
      if (checkOnly) {
        void file.body?.cancel()
        return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })
      }
      const answer = download(file.body, file.headers, name, disposition)
      if (head) {
        void answer.body?.cancel()
        return new Response(null, { status: answer.status, headers: answer.headers })
      }
      return answer
    } catch (error) {
      if (error instanceof ResultRefused) return error.response
      throw error
    }
  }
}

const MEDIA_TYPE = /^(?:image|audio|video)\/[\w.+-]+$/i
/**
 * Types a download keeps as the result host sent them: media, models, data and text that no
 * browser runs. Anything else (HTML, script, CSS, SVG, XML, WebAssembly, types nobody knows)
 * goes out as application/octet-stream, so no result host can serve code from this origin.
 */
const INERT_TYPE = /^(?:(?:image\/(?!svg)|audio\/|video\/|model\/|font\/)[\w.+-]+|application\/(?:json|octet-stream|zip|gzip|pdf)|text\/(?:plain|csv|vtt))$/i

function download(body: ReadableStream<Uint8Array> | null, from: Headers, name: string, disposition: 'attachment' | 'inline'): Response {
  const type = from.get('content-type')?.split(';')[0]?.trim() ?? ''
  // Inline bytes come from foxwatch's own origin: only media, never HTML or script, and sandboxed.
  if (disposition === 'inline' && (!MEDIA_TYPE.test(type) || /svg/i.test(type))) {
    void body?.cancel()
    return errorResponse(415, 'save_refused', `foxwatch shows only images, audio and video inline, not ${type || 'untyped files'}.`)
  }
  const headers = new Headers({
    'content-type': INERT_TYPE.test(type) ? type : 'application/octet-stream',
    'content-security-policy': API_CSP,
    'content-disposition': contentDisposition(disposition, name),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  const length = from.get('content-length')
  if (length) headers.set('content-length', length)
  return new Response(body, { status: 200, headers })
}

export function contentDisposition(disposition: 'attachment' | 'inline', name: string): string {
  return `${disposition}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

