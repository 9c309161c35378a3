// A button that opens a small panel below it: Escape or a click outside closes it, and focus
// goes back to the button when Escape does. No injected styles (the page's CSP forbids them).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Button } from './button'

type PopoverProps = {
  label: ReactNode
  /** What the panel is called, for screen readers. */
  title: string
  children: ReactNode
  align?: 'left' | 'right'
}

export function Popover({ label, title, children, align = 'right' }: PopoverProps) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])
  return (
    <div ref={root} className="relative">
      <Button ref={button} variant="quiet" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {label}
      </Button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={title}
          className={`absolute top-full z-20 mt-1 w-max max-w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-stone-200 bg-white p-3 shadow-lg dark:border-stone-700 dark:bg-stone-900 ${align === 'right' ? 'right-0' : 'left-0'}`}
        >
          {children}
        </div>
      )}
    </div>
  )
}
