// Which addresses in a model's answer may become live links: web pages and e-mail only.

const LINKABLE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * The address as a link target, or undefined when it must stay inert. Relative paths are refused
 * too: on this page they would point into foxwatch itself, never at what the model meant.
 */
export function safeLink(address: string): string | undefined {
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    return undefined
  }
  return LINKABLE_PROTOCOLS.has(url.protocol) ? url.href : undefined
}
