import type { TaskView } from '../api/task-view'
import { Button } from '../components/ui/button'
import { savePlan } from './save-plan'

const FRAME = 'foxwatch-save-all'

/**
 * Saves the whole task as one zip. A form post, not fetch: the browser's download manager then
 * writes the streamed answer to disk as it comes, so the page never holds the archive.
 */
export function SaveAllButton({ task }: { task: TaskView }) {
  function saveAll() {
    const form = document.createElement('form')
    form.method = 'POST'
    form.action = '/api/save-all'
    form.target = FRAME
    const field = document.createElement('input')
    field.type = 'hidden'
    field.name = 'plan'
    field.value = JSON.stringify(savePlan(task))
    form.append(field)
    document.body.append(form)
    form.submit()
    form.remove()
  }
  return (
    <>
      <Button variant="primary" onClick={saveAll} title="Every result, the last response and derived files, as one zip">
        Save all
      </Button>
      <iframe name={FRAME} title="Save all" hidden />
    </>
  )
}
