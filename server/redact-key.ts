// Some APIs quote the key they refused in their error message ("Incorrect API key provided:
// sk-…"). foxwatch relays foxapi's answers to the page, so every copy of the key is taken out
// first: a server key must never reach a visitor, and a person's own key must not sit on screen.

export const REDACTED_KEY = '[API key]'

/** The body with every copy of `key` (plain, or escaped as in a JSON string) replaced. */
export function redactKey(body: Uint8Array<ArrayBuffer>, key: string): Uint8Array<ArrayBuffer> {
  if (key === '') return body
  const text = new TextDecoder().decode(body)
  const escaped = JSON.stringify(key).slice(1, -1)
  if (!text.includes(key) && !text.includes(escaped)) return body
  const clean = text.replaceAll(key, REDACTED_KEY).replaceAll(escaped, REDACTED_KEY)
  const bytes = new TextEncoder().encode(clean)
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength))
  copy.set(bytes)
  return copy
}
