// Which string values in an unknown result are web addresses worth a link, a preview and a Save.

/**
 * The string as an http(s) address, or undefined. Only strings that plainly start with
 * http:// or https:// count, so javascript:, data: and relative paths stay plain text.
 */
export function webAddress(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

const IMAGE_PATH = /\.(png|jpe?g|gif|webp|avif|bmp|svg)$/i
// Signed result links often have no extension; the field's name is then the best hint.
const IMAGE_FIELD = /image|img|thumb|preview|poster|cover|avatar|photo|picture/i

/** Whether a preview is worth trying: a failed one is hidden again by the renderer. */
export function looksLikeImage(address: string, field: string | undefined): boolean {
  return IMAGE_PATH.test(new URL(address).pathname) || (field !== undefined && IMAGE_FIELD.test(field))
}

/** A file name for saving: task ID, result position, the field's name, and the link's extension. */
export function fileNameForLink(taskId: string, index: number, field: string | undefined, address: string): string {
  const stem = [taskId.slice(0, 100), String(index + 1), ...(field ? [field.slice(0, 40)] : [])].join('-').replace(/[^\w.-]+/g, '_')
  const extension = /\.([a-z0-9]{2,5})$/i.exec(new URL(address).pathname)?.[1]
  return extension ? `${stem}.${extension.toLowerCase()}` : stem
}
