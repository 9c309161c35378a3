import { useMemo, useState } from 'react'
import { readableJson, READABLE_DEPTH } from '../../api/deep-json'
import type { RawArtifact as Raw, TaskView } from '../../api/task-view'
import { Button } from '../../lib/ui/button'
import { CopyButton } from '../../lib/ui/copy-button'
import { ArtifactCard } from '../artifact-card'
import { JsonTree, type Expand } from './json-tree'

export function RawArtifact({ artifact, task }: { artifact: Raw; task: TaskView }) {
  const json = useMemo(() => readableJson(artifact.value), [artifact.value])
  // A new generation remounts the tree, so every node takes the new default at once.
  const [view, setView] = useState<{ expand: Expand; generation: number }>({ expand: 'auto', generation: 0 })
  const expandEverything = (expand: Expand) => setView({ expand, generation: view.generation + 1 })
  return (
    <ArtifactCard
      footer={
        <>
          <span className="mr-auto">Result {artifact.index + 1}: a shape foxwatch does not know yet, shown as sent.</span>
          <Button variant="quiet" onClick={() => expandEverything('all')}>
            Expand all
          </Button>
          <Button variant="quiet" onClick={() => expandEverything('none')}>
            Collapse all
          </Button>
          <CopyButton text={json.text} label="Copy JSON" />
        </>
      }
    >
      <div className="max-h-[32rem] overflow-auto p-4">
        {!json.indented && (
          // Said at the top: the tree opens three levels at first, far from where it stops.
          <p className="mb-2 text-sm text-stone-600 dark:text-stone-300">
            Result {artifact.index + 1} is nested more than {READABLE_DEPTH} levels deep: foxwatch draws the first {READABLE_DEPTH} here; Copy JSON or Save all has all of it.
          </p>
        )}
        <JsonTree
          key={view.generation}
          value={artifact.value}
          label={`Result ${artifact.index + 1} as JSON`}
          expand={view.expand}
          origin={{ taskId: task.id, index: artifact.index }}
        />
      </div>
    </ArtifactCard>
  )
}
