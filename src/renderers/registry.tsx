// One renderer per artifact kind, each its own lazily loaded chunk. A new kind in the Artifact
// union fails the build here until it has a line.
import type { ComponentType } from 'react'
import type { Artifact, ArtifactKind, TaskView } from '../api/task-view'
import { preloadable, type Preloadable } from '../lib/preloadable'

export type ArtifactMap = { [K in ArtifactKind]: Extract<Artifact, { kind: K }> }
export type RendererProps<K extends ArtifactKind> = { artifact: ArtifactMap[K]; task: TaskView }
type Registry = { [K in ArtifactKind]: Preloadable<RendererProps<K>> }

export const renderers: Registry = {
  'image': preloadable(() => import('./image/image-artifact').then((m) => m.ImageArtifact)),
  'video': preloadable(() => import('./video/video-artifact').then((m) => m.VideoArtifact)),
  'audio': preloadable(() => import('./audio/audio-artifact').then((m) => m.AudioArtifact)),
  'chat': preloadable(() => import('./chat/chat-artifact').then((m) => m.ChatArtifact)),
  'transcript': preloadable(() => import('./transcript/transcript-artifact').then((m) => m.TranscriptArtifact)),
  'pbr-map': preloadable(() => import('./pbr-map/pbr-map-artifact').then((m) => m.PbrMapArtifact)),
  'texture': preloadable(() => import('./texture/texture-artifact').then((m) => m.TextureArtifact)),
  'profile-id': preloadable(() => import('./profile-id/profile-id-artifact').then((m) => m.ProfileIdArtifact)),
  'raw': preloadable(() => import('./raw/raw-artifact').then((m) => m.RawArtifact)),
}

/** Renders one artifact with its kind's renderer; `kind` ties the two together for the compiler. */
export function ArtifactView<K extends ArtifactKind>({ kind, artifact, task }: { kind: K } & RendererProps<K>) {
  const Renderer: ComponentType<RendererProps<K>> = renderers[kind]
  return <Renderer artifact={artifact} task={task} />
}

/**
 * Optional views over all of a kind's results at once (a 3D preview of a PBR set, say), shown
 * after that kind's grid and loaded lazily like the renderers.
 */
export type AddonProps<K extends ArtifactKind> = { artifacts: Array<ArtifactMap[K]>; task: TaskView }
type Addons = { [K in ArtifactKind]?: Preloadable<AddonProps<K>> }
export const sectionAddons: Addons = {
  'pbr-map': preloadable(() => import('./pbr-map/material-preview').then((m) => m.MaterialPreview)),
}

/** The chunks a kind's section needs: its renderer, and its addon if it has one. */
export function chunksOf(kind: ArtifactKind): ReadonlyArray<Pick<Preloadable<object>, 'preload' | 'settled'>> {
  const addon = sectionAddons[kind]
  return addon ? [renderers[kind], addon] : [renderers[kind]]
}

/**
 * Starts loading the views `artifacts` need. Called as soon as a task is known, so the chunks
 * come while the rest of the page renders rather than after it.
 */
export function preloadRenderers(artifacts: readonly Artifact[] | undefined): void {
  for (const kind of new Set(artifacts?.map((artifact) => artifact.kind))) {
    for (const chunk of chunksOf(kind)) void chunk.preload()
  }
}

export function SectionAddon<K extends ArtifactKind>({ kind, artifacts, task }: { kind: K } & AddonProps<K>) {
  const Addon: ComponentType<AddonProps<K>> | undefined = sectionAddons[kind]
  return Addon ? <Addon artifacts={artifacts} task={task} /> : null
}

/** How each kind's results are titled and laid out on the task page, in page order. */
export const SECTIONS = {
  'profile-id': { title: 'Reusable IDs', grid: 'grid-cols-1' },
  'chat': { title: 'Chat completion', grid: 'grid-cols-1' },
  'transcript': { title: 'Transcript', grid: 'grid-cols-1' },
  'image': { title: 'Images', grid: 'sm:grid-cols-2 lg:grid-cols-3' },
  'video': { title: 'Video', grid: 'lg:grid-cols-2' },
  'audio': { title: 'Audio', grid: 'lg:grid-cols-2' },
  'pbr-map': { title: 'PBR maps', grid: 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-5' },
  'texture': { title: 'Textures', grid: 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-4' },
  'raw': { title: 'Other results', grid: 'grid-cols-1' },
} as const satisfies Record<ArtifactKind, { title: string; grid: string }>

/** The order kinds appear in on the task page. */
export const KIND_ORDER = ['profile-id', 'chat', 'transcript', 'image', 'video', 'audio', 'pbr-map', 'texture', 'raw'] as const satisfies
  readonly ArtifactKind[]
// A kind left out of KIND_ORDER fails the build here.
const everyKindOrdered: [Exclude<ArtifactKind, (typeof KIND_ORDER)[number]>] extends [never] ? true : never = true
void everyKindOrdered
