// One renderer per artifact kind, each its own lazily loaded chunk. A new kind in the Artifact
// union fails the build here until it has a line.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { Artifact, ArtifactKind, TaskView } from '../api/task-view'

export type ArtifactMap = { [K in ArtifactKind]: Extract<Artifact, { kind: K }> }
export type RendererProps<K extends ArtifactKind> = { artifact: ArtifactMap[K]; task: TaskView }
type Registry = { [K in ArtifactKind]: LazyExoticComponent<ComponentType<RendererProps<K>>> }

export const renderers: Registry = {
  'image': lazy(() => import('./image/image-artifact').then((m) => ({ default: m.ImageArtifact }))),
  'video': lazy(() => import('./video/video-artifact').then((m) => ({ default: m.VideoArtifact }))),
  'audio': lazy(() => import('./audio/audio-artifact').then((m) => ({ default: m.AudioArtifact }))),
  'chat': lazy(() => import('./chat/chat-artifact').then((m) => ({ default: m.ChatArtifact }))),
  'transcript': lazy(() => import('./transcript/transcript-artifact').then((m) => ({ default: m.TranscriptArtifact }))),
  'pbr-map': lazy(() => import('./pbr-map/pbr-map-artifact').then((m) => ({ default: m.PbrMapArtifact }))),
  'texture': lazy(() => import('./texture/texture-artifact').then((m) => ({ default: m.TextureArtifact }))),
  'profile-id': lazy(() => import('./profile-id/profile-id-artifact').then((m) => ({ default: m.ProfileIdArtifact }))),
  'raw': lazy(() => import('./raw/raw-artifact').then((m) => ({ default: m.RawArtifact }))),
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
type Addons = { [K in ArtifactKind]?: LazyExoticComponent<ComponentType<AddonProps<K>>> }
export const sectionAddons: Addons = {
  'pbr-map': lazy(() => import('./pbr-map/material-preview').then((m) => ({ default: m.MaterialPreview }))),
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
