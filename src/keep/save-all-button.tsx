import { useState } from 'react'
import { safeFileName } from '../contract/archive-names'
import type { TaskView } from '../api/task-view'
import { Button } from '../lib/ui/button'
import { useKeptTask } from './kept-store'
import { downloadBlob } from '../lib/download'

// The zip and plan code (subtitles, hashes) loads on the first click, not with the page.
async function saveThroughServer(task: TaskView): Promise<string | undefined> {
  const [{ savePlan }, { postSavePlan }] = await Promise.all([import('./save-plan'), import('./post-save-plan')])
  return postSavePlan(savePlan(task), "This task's")
}

/**
 * Saves the whole task as one zip. A form post, not fetch: the browser's download manager then
 * writes the streamed answer to disk as it comes, so the page never holds the archive. A kept
 * task is zipped in the page from its kept files instead, so it saves after the links die.
 */
export function SaveAllButton({ task }: { task: TaskView }) {
  const kept = useKeptTask(task.id)
  const [state, setState] = useState<{ busy: boolean; problem: string | undefined }>({ busy: false, problem: undefined })

  async function saveAll() {
    if (!kept) return setState({ busy: false, problem: await saveThroughServer(task) })
    setState({ busy: true, problem: undefined })
    try {
      const { zipKeptTask } = await import('./zip-kept-task')
      downloadBlob(await zipKeptTask(task, kept.meta), `${safeFileName(task.id)}.zip`)
      setState({ busy: false, problem: undefined })
    } catch (error) {
      setState({ busy: false, problem: error instanceof Error ? error.message : String(error) })
    }
  }
  return (
    <>
      <Button variant="primary" onClick={() => void saveAll()} disabled={state.busy} title="Every result, the last response and derived files, as one zip">
        {state.busy ? 'Zipping…' : 'Save all'}
      </Button>
      {state.problem && (
        <span role="alert" className="w-full basis-full text-sm text-red-700 dark:text-red-400">
          {kept ? `Could not save the kept copy: ${state.problem}` : state.problem}
        </span>
      )}
    </>
  )
}
