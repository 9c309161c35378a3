import { useId, useState, type FormEvent } from 'react'
import { navigate, taskPath } from '../app/router'
import { onDemand } from '../components/on-demand'
import { Button } from '../components/ui/button'
import type { Extracted } from './extract-task-id'

// Reading a paste (a URL, JSON through a schema, a curl line) is a chunk of its own, fetched when
// the field is first focused, so it has come by the time anything is submitted.
const readTaskId = onDemand(async () => (await import('./extract-task-id')).extractTaskId)

/** What the form says when the reader itself could not be fetched. */
export const READER_MISSING = 'foxwatch could not read that: the foxwatch server did not send part of the page (is it restarting?). Try again once it is back.'

/** The "Task ID" field: takes a bare ID or any pasted text holding one, and opens it. */
export function TaskIdForm({ initial = '' }: { initial?: string }) {
  const [text, setText] = useState(initial)
  const [refusal, setRefusal] = useState<string | undefined>()
  const inputId = useId()
  const errorId = useId()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const submitted = text
    const reading = readTaskId.call(submitted)
    const found = reading instanceof Promise ? await reading.catch((): Extracted => ({ ok: false, reason: READER_MISSING })) : reading
    if (!found.ok) {
      setRefusal(found.reason)
      return
    }
    setRefusal(undefined)
    // Unless the field changed while the reader came.
    setText((current) => (current === submitted ? found.taskId : current))
    navigate(taskPath(found.taskId))
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-1" noValidate>
      <label htmlFor={inputId} className="text-sm font-medium">
        Task ID
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          data-task-id-field
          value={text}
          onChange={(event) => setText(event.target.value)}
          onFocus={readTaskId.preload}
          placeholder="task-unified-1757165031-uyujaw3d, or paste a URL, JSON or curl line"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={refusal !== undefined}
          aria-describedby={refusal ? errorId : undefined}
          className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
        />
        <Button type="submit" variant="primary">
          Watch
        </Button>
      </div>
      {refusal && (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {refusal}
        </p>
      )}
    </form>
  )
}
