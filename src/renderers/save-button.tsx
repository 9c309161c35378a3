import { useState } from 'react'
import type { TaskView, UrlArtifact } from '../api/task-view'
import { downloadHref } from '../lib/download'
import { Button } from '../lib/ui/button'
import { errorMessage } from '../api/error-body'
import { fileNameFor, saveHref } from '../api/file-name'

/** Why the server says a save would fail, as a sentence. */
async function whySaveFails(href: string): Promise<string | undefined> {
  let response: Response
  try {
    response = await fetch(`${href}&check=1`)
  } catch {
    return 'The foxwatch server is not answering, so nothing can be saved right now.'
  }
  if (response.ok) return undefined
  return errorMessage(await response.json().catch(() => null)) ?? `The foxwatch server answered ${response.status}.`
}

/**
 * Downloads the file at `url` as `name` through the foxwatch server, which streams it and sends
 * no key along. A quick check first turns a dead link into a sentence instead of a failed download.
 * A `blob:` URL is a file kept in this browser and downloads as it is.
 */
export function SaveLinkButton({ url, name }: { url: string; name: string }) {
  const [state, setState] = useState<{ busy: boolean; problem: string | undefined }>({ busy: false, problem: undefined })

  async function save() {
    // A kept file is already in this browser: no server, no check, nothing that can have expired.
    if (url.startsWith('blob:')) {
      downloadHref(url, name)
      return
    }
    const href = saveHref(url, name)
    setState({ busy: true, problem: undefined })
    const problem = await whySaveFails(href)
    setState({ busy: false, problem })
    if (problem) return
    downloadHref(href, name)
  }

  return (
    <>
      <Button onClick={save} disabled={state.busy} title={`Save as ${name}`} className="font-sans">
        Save
      </Button>
      {state.problem && (
        <span role="alert" className="w-full basis-full font-sans text-sm text-red-700 dark:text-red-400">
          Could not save {name}: {state.problem}
        </span>
      )}
    </>
  )
}

/** Save for one of a task's results, named after the task, its position and its type. */
export function SaveButton({ task, artifact }: { task: TaskView; artifact: UrlArtifact }) {
  return <SaveLinkButton url={artifact.url} name={fileNameFor(task.id, artifact)} />
}
