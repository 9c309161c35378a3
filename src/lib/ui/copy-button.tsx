import { useEffect, useState } from 'react'
import { Button } from './button'

type CopyButtonProps = {
  /** What to copy; a function when making it costs (it runs only on a click). */
  text: string | (() => string)
  label?: string
  className?: string
}

/** Copies `text`; says so for a moment, or says why it could not. */
export function CopyButton({ text, label = 'Copy', className = '' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const reset = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(reset)
  }, [state])

  async function copy() {
    try {
      await navigator.clipboard.writeText(typeof text === 'function' ? text() : text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }

  return (
    <Button onClick={copy} className={className} aria-live="polite">
      {label}
      {state === 'copied' && <span className="text-emerald-700 dark:text-emerald-400">✓ Copied</span>}
      {state === 'failed' && <span className="text-red-700 dark:text-red-400">Copy blocked: select and copy by hand</span>}
    </Button>
  )
}
