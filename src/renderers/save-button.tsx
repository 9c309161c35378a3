import { Button } from '../components/ui/button'
import type { TaskView, UrlArtifact } from '../api/task-view'
import { fileNameFor, saveHref } from './file-name'

/** Downloads one artifact through the foxwatch server, which streams it and sends no key along. */
export function SaveButton({ task, artifact }: { task: TaskView; artifact: UrlArtifact }) {
  const name = fileNameFor(task.id, artifact)
  function save() {
    const link = document.createElement('a')
    link.href = saveHref(artifact.url, name)
    link.download = name
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
  }
  return (
    <Button onClick={save} title={`Save as ${name}`}>
      Save
    </Button>
  )
}
