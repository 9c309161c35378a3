// One renderer per artifact kind, each its own lazily loaded chunk. A new kind in the Artifact
// union fails the build here until it has a line.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { Artifact, ArtifactKind, TaskView } from '../api/task-view'

type ArtifactMap = { [K in ArtifactKind]: Extract<Artifact, { kind: K }> }
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

/** How each kind's results are titled and laid out on the task page, in page order. */
export const SECTIONS = {
  'profile-id': { title: 'Reusable IDs', order: 0, grid: 'grid-cols-1' },
  'chat': { title: 'Chat completion', order: 1, grid: 'grid-cols-1' },
  'transcript': { title: 'Transcript', order: 2, grid: 'grid-cols-1' },
  'image': { title: 'Images', order: 3, grid: 'sm:grid-cols-2 lg:grid-cols-3' },
  'video': { title: 'Video', order: 4, grid: 'lg:grid-cols-2' },
  'audio': { title: 'Audio', order: 5, grid: 'lg:grid-cols-2' },
  'pbr-map': { title: 'PBR maps', order: 6, grid: 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-5' },
  'texture': { title: 'Textures', order: 7, grid: 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-4' },
  'raw': { title: 'Other results', order: 8, grid: 'grid-cols-1' },
} as const satisfies Record<ArtifactKind, { title: string; order: number; grid: string }>
