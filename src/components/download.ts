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

/** Downloads text made in the page (subtitles, exports) as a file. */
export function downloadText(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  downloadHref(url, name)
  // The download has started by now; keep the URL a little longer for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
