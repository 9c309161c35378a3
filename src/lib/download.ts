// Starting a download from the page, the one way the page does it.

/** Has the browser download `href` (same-origin or blob:) under `name`. */
export function downloadHref(href: string, name: string): void {
  const link = document.createElement('a')
  link.href = href
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
}

/** Downloads bytes made or held in the page (a zip of a kept task, subtitles, exports) as a file. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  downloadHref(url, name)
  // The download has its own reference once it has started; a minute covers a slow browser.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Downloads text made in the page (subtitles, exports) as a file. */
export function downloadText(text: string, type: string, name: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), name)
}
