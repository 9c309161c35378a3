import type { RawArtifact as Raw } from '../../api/task-view'
import { CopyButton } from '../../components/ui/copy-button'
import { ArtifactCard } from '../artifact-card'

export function RawArtifact({ artifact }: { artifact: Raw }) {
  const json = JSON.stringify(artifact.value, null, 2) ?? String(artifact.value)
  return (
    <ArtifactCard
      footer={
        <>
          <span className="mr-auto">Result {artifact.index + 1}: a shape foxwatch does not know yet, shown as sent.</span>
          <CopyButton text={json} label="Copy JSON" />
        </>
      }
    >
      <pre className="max-h-96 overflow-auto p-4 text-xs" aria-label={`Result ${artifact.index + 1} as JSON`}>{json}</pre>
    </ArtifactCard>
  )
}
