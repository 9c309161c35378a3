// The one place a key typed into the page travels: this header, on the page's own requests to the
// foxwatch server, which passes it to foxapi as a bearer token. Never a URL, never a result host.

/** The header a task query carries the page's API key in (HTTP header names ignore case). */
export const KEY_HEADER = 'X-Foxapi-Key'
