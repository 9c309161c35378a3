// The server's configuration carried in the page itself: written by the server into the index.html
// it sends, read by the page before its first render. No request, and no schema in the first load.
import type { ServerConfig } from './server-config'

const ELEMENT_ID = 'foxwatch-config'

/**
 * The block the server puts in the page's <head>: JSON in a data block, which the browser never
 * runs (so the page's CSP, which allows no inline script, has nothing to object to). `<` is escaped
 * so no value can close the element.
 */
export function configBlock(config: ServerConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c')
  return `<script type="application/json" id="${ELEMENT_ID}">${json}</script>`
}

/**
 * The configuration the server wrote into this page. Not outside input: the server that sends the
 * page and its code writes it from a typed ServerConfig (its tests check the block against the
 * schema). Absent (a page from `npm run dev`) or unreadable: undefined, and /api/config is asked.
 */
export function configInPage(): ServerConfig | undefined {
  const text = typeof document === 'undefined' ? undefined : document.getElementById(ELEMENT_ID)?.textContent
  if (!text) return undefined
  try {
    const config: ServerConfig = JSON.parse(text)
    return config
  } catch {
    return undefined
  }
}
