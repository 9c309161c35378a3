import { Suspense, useState, type ReactNode } from 'react'
import type { Artifact, ArtifactKind, TaskView } from '../api/task-view'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { Button } from '../lib/ui/button'
import { compareMapTypes } from './pbr-map/map-types'
import { usePreloaded } from '../lib/preloadable'
import { ArtifactView, chunksOf, KIND_ORDER, SECTIONS, SectionAddon, type ArtifactMap } from './registry'

type Groups = { [K in ArtifactKind]: Array<ArtifactMap[K]> }

function add<K extends ArtifactKind>(groups: Groups, kind: K, artifact: ArtifactMap[K]) {
  groups[kind].push(artifact)
}

function grouped(artifacts: readonly Artifact[]): Groups {
  const groups: Groups = {
    'image': [], 'video': [], 'audio': [], 'chat': [], 'transcript': [], 'pbr-map': [], 'texture': [], 'profile-id': [], 'raw': [],
  }
  for (const artifact of artifacts) add(groups, artifact.kind, artifact)
  groups['pbr-map'].sort((a, b) => compareMapTypes(a.mapType, b.mapType))
  return groups
}

/**
 * Results of one kind drawn at first, and per "Show more": a task with thousands of results
 * (a batch, or a broken upstream) would otherwise stall the page for many seconds.
 */
export const RESULTS_PER_PAGE = 100

function KindSection<K extends ArtifactKind>({ kind, artifacts, task }: { kind: K; artifacts: Array<ArtifactMap[K]>; task: TaskView }) {
  const section = SECTIONS[kind]
  const [limit, setLimit] = useState(RESULTS_PER_PAGE)
  const hidden = artifacts.length - limit
  // Waiting here, rather than in Suspense, shows the same words but lets the view appear the
  // moment its chunk arrives (a Suspense fallback holds it back for up to 300 ms).
  const ready = usePreloaded(chunksOf(kind))
  const loading = <p role="status" className="text-sm text-stone-500">Loading the {section.title.toLowerCase()} view…</p>
  if (!ready) return <SectionFrame title={section.title}>{loading}</SectionFrame>
  return (
    <SectionFrame title={section.title}>
      <ChunkBoundary what={`${section.title.toLowerCase()} view`}>
        <Suspense fallback={loading}>
          <div className={`grid gap-4 ${section.grid}`}>
            {artifacts.slice(0, limit).map((artifact) => (
              <ArtifactView key={`${kind}-${artifact.index}`} kind={kind} artifact={artifact} task={task} />
            ))}
          </div>
          {hidden > 0 && (
            <Button onClick={() => setLimit(limit + RESULTS_PER_PAGE)}>
              Show {Math.min(hidden, RESULTS_PER_PAGE)} more ({hidden.toLocaleString('en')} not shown yet)
            </Button>
          )}
          <SectionAddon kind={kind} artifacts={artifacts} task={task} />
        </Suspense>
      </ChunkBoundary>
    </SectionFrame>
  )
}

function SectionFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">{title}</h3>
      {children}
    </section>
  )
}

export function ResultsSection({ task }: { task: TaskView }) {
  if (task.artifacts.length === 0) return null
  const groups = grouped(task.artifacts)
  return (
    <section aria-labelledby="results-heading" className="space-y-6">
      <h2 id="results-heading" className="text-lg font-semibold">
        Results
      </h2>
      {KIND_ORDER.filter((kind) => groups[kind].length > 0).map((kind) => (
        <KindSection key={kind} kind={kind} artifacts={groups[kind]} task={task} />
      ))}
    </section>
  )
}
