import { useId, useState, type FormEvent } from 'react'
import { navigate, taskPath } from '../lib/router'
import { onDemand, READER_MISSING } from '../lib/on-demand'
import { Button } from '../lib/ui/button'
import type { Extracted } from '../api/extract-task-id'

// Reading a paste (a URL, JSON through a schema, a curl line) is a chunk of its own, fetched when
// the field is first focused, so it has come by the time anything is submitted.
const readTaskId = onDemand(async () => (await import('../api/extract-task-id')).extractTaskId)

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
