// Which of a task's results the 3D preview puts into which material slot. Kept free of three.js
// so the launcher can decide what to offer without loading it.
import type { PbrMapArtifact, TaskView } from '../../api/task-view'
import { isDirectXNormal, KNOWN_MAPS, mapTypeOf, type KnownMap } from './map-types'

export type PreviewMap = {
  slot: KnownMap
  url: string
  /** What the person reads: "Base color", or "Base color (from texture 1)". */
  label: string
  /** Flip the green channel: a DirectX normal map on an OpenGL-convention renderer. */
  flipGreen: boolean
}

export type PreviewPlan = {
  maps: PreviewMap[]
  /** Known slots nothing was sent for, in the known order. */
  missing: KnownMap[]
}

function isKnown(key: string): key is KnownMap {
  return KNOWN_MAPS.some((known) => known === key)
}

export function planPreview(artifacts: readonly PbrMapArtifact[], task: TaskView): PreviewPlan {
  const bySlot = new Map<KnownMap, PreviewMap>()
  for (const artifact of artifacts) {
    const type = mapTypeOf(artifact.mapType)
    // The first map of a type wins: a second normal map (GL and DX, say) says the same thing.
    if (!isKnown(type.key) || bySlot.has(type.key)) continue
    bySlot.set(type.key, {
      slot: type.key,
      url: artifact.url,
      label: type.label,
      flipGreen: type.key === 'normal' && isDirectXNormal(artifact.mapType),
    })
  }
  // A material task may send its colour as a texture rather than a base color map.
  const texture = task.artifacts.find((artifact) => artifact.kind === 'texture')
  if (!bySlot.has('basecolor') && texture) {
    bySlot.set('basecolor', { slot: 'basecolor', url: texture.url, label: `Base color (from texture ${texture.index + 1})`, flipGreen: false })
  }
  return {
    maps: KNOWN_MAPS.flatMap((slot) => bySlot.get(slot) ?? []),
    missing: KNOWN_MAPS.filter((slot) => !bySlot.has(slot)),
  }
}
