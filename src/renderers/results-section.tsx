import { Suspense } from 'react'
import type { Artifact, ArtifactKind, TaskView } from '../api/task-view'
import { compareMapTypes } from './pbr-map/map-types'
import { ArtifactView, SECTIONS } from './registry'

function grouped(artifacts: readonly Artifact[]): Array<[ArtifactKind, Artifact[]]> {
  const groups = new Map<ArtifactKind, Artifact[]>()
  for (const artifact of artifacts) groups.set(artifact.kind, [...(groups.get(artifact.kind) ?? []), artifact])
  const maps = groups.get('pbr-map')
  if (maps) {
    groups.set('pbr-map', maps.toSorted((a, b) =>
      a.kind === 'pbr-map' && b.kind === 'pbr-map' ? compareMapTypes(a.mapType, b.mapType) : 0))
  }
  return [...groups.entries()].sort(([a], [b]) => SECTIONS[a].order - SECTIONS[b].order)
}

export function ResultsSection({ task }: { task: TaskView }) {
  if (task.artifacts.length === 0) return null
  return (
    <section aria-labelledby="results-heading" className="space-y-6">
      <h2 id="results-heading" className="text-lg font-semibold">
        Results
      </h2>
      {grouped(task.artifacts).map(([kind, artifacts]) => (
        <section key={kind} aria-label={SECTIONS[kind].title} className="space-y-2">
          <h3 className="text-sm font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">{SECTIONS[kind].title}</h3>
          <div className={`grid gap-4 ${SECTIONS[kind].grid}`}>
            <Suspense fallback={<p role="status" className="text-sm text-stone-500">Loading the {SECTIONS[kind].title.toLowerCase()} view…</p>}>
              {artifacts.map((artifact) => (
                <ArtifactView key={`${artifact.kind}-${artifact.index}`} kind={artifact.kind} artifact={artifact} task={task} />
              ))}
            </Suspense>
          </div>
        </section>
      ))}
    </section>
  )
}
