// The one link of foxwatch's own pages: an <a href> that, on a plain click, changes the page in
// place; with Ctrl, Cmd, Shift or Alt held, or with the middle button, the browser does what it
// always does (a new tab, a new window, a download), because nothing stops it.
import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from './router'

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string }

/** Whether a click on a link is one the page should handle itself. */
export function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  const target = event.currentTarget.getAttribute('target')
  return (
    !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey &&
    (target === null || target === '_self')
  )
}

export function Link({ href, onClick, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.(event)
        if (!isPlainClick(event)) return
        event.preventDefault()
        navigate(href)
      }}
    />
  )
}
