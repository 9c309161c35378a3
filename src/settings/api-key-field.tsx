// The form for the person's foxapi key: its own chunk, loaded when the header's Add key opens or
// a task that needs a key shows it.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { Button } from '../lib/ui/button'
import { isKeyRemembered, saveApiKey } from '../lib/api-key'
// Loaded on demand (api-key-control.tsx), beside the task queries' module in the shared chunk.
import { taskQueries } from '../api/task-queries'

/**
 * The form for the person's foxapi key, kept in this browser. Shown only while there is none:
 * once given, the header's control shows its ends and Forget key, and this form goes away.
 * `autoFocus`: the field was asked for (Add key, or a task that needs a key).
 */
export function ApiKeyField({ autoFocus = false }: { autoFocus?: boolean }) {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState('')
  const [remember, setRemember] = useState(isKeyRemembered)
  const inputId = useId()
  const field = useRef<HTMLInputElement>(null)
  // Focused only when the person asked for the field (Add key, or a task that needs a key), and
  // never taken from a field they are typing in: a task's answer can come while they type the
  // next ID into the Task ID box, and the keys would land here.
  useEffect(() => {
    if (!autoFocus) return
    const active = document.activeElement
    if (active instanceof HTMLElement && active.matches('input, textarea, select, [contenteditable]')) return
    field.current?.focus()
  }, [autoFocus])

  function retryTasks() {
    void queryClient.refetchQueries({ queryKey: taskQueries.all(), type: 'active' })
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!draft.trim()) return
    saveApiKey(draft, remember)
    setDraft('')
    retryTasks()
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium">
          API key
        </label>
        <input
          id={inputId}
          type="password"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="sk-…"
          autoComplete="off"
          ref={field}
          className="rounded-md border border-stone-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
        />
      </div>
      <label className="flex items-center gap-1.5 pb-2 text-sm">
        <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
        Remember
      </label>
      <Button type="submit">Use key</Button>
      <p className="w-full text-xs text-stone-500 dark:text-stone-400">
        Needed for real tasks (demo tasks need none). Sent only to the foxwatch server, in a header; never in a link.
      </p>
    </form>
  )
}
