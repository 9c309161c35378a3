import { useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '../lib/ui/button'
import { forgetApiKey, isKeyRemembered, saveApiKey, useApiKey } from '../lib/api-key'

/** Shown when the server has no key of its own: the person's foxapi key, kept in this browser. */
export function ApiKeyField() {
  const key = useApiKey()
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState('')
  const [remember, setRemember] = useState(isKeyRemembered)
  const inputId = useId()

  function retryTasks() {
    // Any task query was made by this module, so it is here already when there is one to retry;
    // the first load does without it.
    void import('../api/task-queries').then(
      ({ taskQueries }) => queryClient.refetchQueries({ queryKey: taskQueries.all(), type: 'active' }),
      () => undefined,
    )
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!draft.trim()) return
    saveApiKey(draft, remember)
    setDraft('')
    retryTasks()
  }

  if (key) {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span>
          API key <code className="rounded bg-stone-200 px-1 dark:bg-stone-800">{`${key.slice(0, 5)}…${key.slice(-2)}`}</code>{' '}
          {isKeyRemembered() ? 'remembered in this browser' : 'kept for this browser session'}
        </span>
        <Button variant="quiet" onClick={forgetApiKey}>
          Forget key
        </Button>
      </div>
    )
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
