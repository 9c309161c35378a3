import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { navigate, taskPath } from '../lib/router'
import { onDemand, READER_MISSING } from '../lib/on-demand'
import { Button } from '../lib/ui/button'
import type { ExtractedMany } from '../api/extract-task-id'

// Reading a paste (URLs, JSON through a schema, curl lines) is a chunk of its own, fetched when
// the field is first focused, so it has come by the time anything is submitted.
const readTaskIds = onDemand(async () => (await import('../api/extract-task-id')).extractTaskIds)

/** What adding many said: how many were new, and what was left out. */
function addedSentence(added: number, found: number, skipped: number): string {
  const already = found - added
  return [
    added > 0 ? `${added} ${added === 1 ? 'task' : 'tasks'} added` : `No new tasks: all ${found} already watched`,
    added > 0 && already > 0 ? `${already} already watched` : '',
    skipped > 0 ? `skipped ${skipped} that ${skipped === 1 ? 'is' : 'are'} not a task ID` : '',
  ].filter(Boolean).join('; ') + '.'
}

/**
 * The "Task ID" box: one ID (or a URL, JSON body or curl line holding one) opens its task; several
 * are all added to the watchlist. Either way the tasks are watched, through `watch`, which says
 * how many of them were new.
 */
type TaskIdFormProps = {
  initial?: string
  watch: (taskIds: string[]) => number
  /** Told when the box is focused: what a paste will need can start loading then. */
  onFocus?: () => void
}

export function TaskIdForm({ initial = '', watch, onFocus }: TaskIdFormProps) {
  const [text, setText] = useState(initial)
  const [message, setMessage] = useState<{ text: string; refused: boolean } | undefined>()
  const inputId = useId()
  const messageId = useId()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const submitted = text
    const reading = readTaskIds.call(submitted)
    const found = reading instanceof Promise ? await reading.catch((): ExtractedMany => ({ ok: false, reason: READER_MISSING })) : reading
    if (!found.ok) {
      setMessage({ text: found.reason, refused: true })
      return
    }
    const added = watch(found.taskIds)
    const [only] = found.taskIds
    if (found.taskIds.length === 1 && only !== undefined) {
      setMessage(undefined)
      // Unless the field changed while the reader came.
      setText((current) => (current === submitted ? only : current))
      navigate(taskPath(only))
      return
    }
    setText((current) => (current === submitted ? '' : current))
    setMessage({ refused: false, text: addedSentence(added, found.taskIds.length, found.skipped.length) })
  }

  // Enter sends, as in a one-line field; Shift+Enter starts a new line for another ID.
  function sendOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
    event.preventDefault()
    event.currentTarget.form?.requestSubmit()
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-1" noValidate>
      <label htmlFor={inputId} className="text-sm font-medium">
        Task ID
      </label>
      <div className="flex items-start gap-2">
        <textarea
          id={inputId}
          data-task-id-field
          value={text}
          rows={1}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={sendOnEnter}
          onFocus={() => {
            readTaskIds.preload()
            onFocus?.()
          }}
          placeholder="Paste a task ID, or many"
          autoComplete="off"
          // IDs are not words: no red line under every pasted ID, and no capital or correction.
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={message?.refused === true}
          aria-describedby={message ? messageId : undefined}
          className="field-sizing-content max-h-40 min-w-0 flex-1 resize-none rounded-md border border-stone-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
        />
        <Button type="submit" variant="primary">
          Watch
        </Button>
      </div>
      {message && (
        <p
          id={messageId}
          role={message.refused ? 'alert' : 'status'}
          className={`text-sm ${message.refused ? 'text-red-700 dark:text-red-400' : 'text-stone-600 dark:text-stone-300'}`}
        >
          {message.text}
        </p>
      )}
    </form>
  )
}
