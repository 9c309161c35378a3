// Some APIs quote the key they refused in their error message ("Incorrect API key provided:
// sk-…"). foxwatch relays foxapi's answers to the page, so every copy of the key is taken out
// first: a server key must never reach a visitor, and a person's own key must not sit on screen.
//
// The key is replaced inside JSON string values only, once each: a short or common key ("1",
// "e", "status") must not break a field name or a number, and the replacement text is never
// searched again. A body that is not valid JSON to begin with has nothing to break, so any copy
// left outside a string there is replaced too.

export const REDACTED_KEY = '[API key]'

const BACKSLASH = 0x5c

/** The body with every copy of `key` in a JSON string value (plain or escaped) replaced. */
export function redactKey(body: Uint8Array<ArrayBuffer>, key: string): Uint8Array<ArrayBuffer> {
  if (key === '') return body
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  // A key can hide in a JSON string only as itself or behind an escape: with neither in the
  // body (the usual case, checked on the bytes without decoding them), there is nothing to do.
  if (!bytes.includes(key) && !bytes.includes(BACKSLASH)) return body
  const text = bytes.toString('utf8')
  let clean = redactInStrings(text, key)
  if (clean.includes(key) && !isJson(text)) clean = clean.replaceAll(key, REDACTED_KEY)
  if (clean === text) return body
  const encoded = Buffer.from(clean, 'utf8')
  const copy = new Uint8Array(new ArrayBuffer(encoded.byteLength))
  copy.set(encoded)
  return copy
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** Walks the string tokens of `text` in order; each value string that holds the key is rewritten. */
function redactInStrings(text: string, key: string): string {
  const pieces: string[] = []
  let copied = 0
  for (let start = text.indexOf('"'); start !== -1; ) {
    const end = closingQuote(text, start)
    const token = text.slice(start, end === -1 ? text.length : end + 1)
    if (end !== -1 && !isPropertyName(text, end + 1)) {
      const rewritten = redactToken(token, key)
      if (rewritten !== token) {
        pieces.push(text.slice(copied, start), rewritten)
        copied = end + 1
      }
    } else if (end === -1 && token.slice(1).includes(key)) {
      // A string cut off by the end of the body: not JSON, so a plain replacement breaks nothing.
      pieces.push(text.slice(copied, start), `"${token.slice(1).replaceAll(key, REDACTED_KEY)}`)
      copied = text.length
    }
    if (end === -1) break
    start = text.indexOf('"', end + 1)
  }
  if (copied === 0) return text
  pieces.push(text.slice(copied))
  return pieces.join('')
}

/** The index of the quote that closes the string opening at `start`, or -1 if none does. */
function closingQuote(text: string, start: number): number {
  for (let at = text.indexOf('"', start + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return at
  }
  return -1
}

/** A string followed by a colon is an object's field name, not a value. */
function isPropertyName(text: string, after: number): boolean {
  let at = after
  while (at < text.length && /\s/.test(text.charAt(at))) at++
  return text.charCodeAt(at) === 0x3a
}

/** A whole string token, quotes included, with the key taken out of its value. */
function redactToken(token: string, key: string): string {
  const inner = token.slice(1, -1)
  // Without an escape, the text between the quotes is the value itself.
  if (!inner.includes('\\')) return inner.includes(key) ? `"${inner.replaceAll(key, REDACTED_KEY)}"` : token
  let value: unknown
  try {
    value = JSON.parse(token)
  } catch {
    return `"${inner.replaceAll(key, REDACTED_KEY)}"`
  }
  if (typeof value !== 'string' || !value.includes(key)) return token
  return JSON.stringify(value.replaceAll(key, REDACTED_KEY))
}
