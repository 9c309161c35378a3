// PBR map types: the known ones in a fixed order, other vendors' names folded into them.

export const KNOWN_MAPS = ['basecolor', 'normal', 'roughness', 'metalness', 'height', 'ao'] as const
export type KnownMap = (typeof KNOWN_MAPS)[number]

const LABEL = {
  basecolor: 'Base color',
  normal: 'Normal',
  roughness: 'Roughness',
  metalness: 'Metalness',
  height: 'Height',
  ao: 'Ambient occlusion',
} as const satisfies Record<KnownMap, string>

// Gloss and specular are left out on purpose: they are not the same data as roughness and
// metalness (gloss is inverted), so folding them in would mislabel the map and light it wrongly.
const ALIASES: Readonly<Record<string, KnownMap>> = {
  basecolor: 'basecolor', base_color: 'basecolor', base_colour: 'basecolor', basecolour: 'basecolor', albedo: 'basecolor',
  diffuse: 'basecolor', color: 'basecolor', colour: 'basecolor', col: 'basecolor', diff: 'basecolor',
  normal: 'normal', normal_gl: 'normal', normal_dx: 'normal', normalgl: 'normal', normaldx: 'normal', nor: 'normal', nrm: 'normal',
  normal_opengl: 'normal', normal_directx: 'normal', nor_gl: 'normal', nor_dx: 'normal',
  roughness: 'roughness', rough: 'roughness', rgh: 'roughness',
  metalness: 'metalness', metallic: 'metalness', metal: 'metalness', metallicness: 'metalness',
  height: 'height', displacement: 'height', disp: 'height', bump: 'height', heightmap: 'height',
  ao: 'ao', ambient_occlusion: 'ao', ambientocclusion: 'ao', occlusion: 'ao',
}

export type MapType = { key: string; label: string; order: number; sentAs: string }

function normalise(sentAs: string): string {
  return sentAs.trim().toLowerCase().replace(/[\s-]+/g, '_')
}

function knownMapOf(normalised: string): KnownMap | undefined {
  if (Object.hasOwn(ALIASES, normalised)) return ALIASES[normalised]
  // "normal_map", "roughnessMap", "height map": the suffix says nothing the type doesn't.
  const stem = normalised.replace(/_?map$/, '')
  return stem !== normalised && Object.hasOwn(ALIASES, stem) ? ALIASES[stem] : undefined
}

export function mapTypeOf(sentAs: string): MapType {
  const normalised = normalise(sentAs)
  const known = knownMapOf(normalised)
  if (known) return { key: known, label: LABEL[known], order: KNOWN_MAPS.indexOf(known), sentAs }
  return { key: normalised, label: sentAs, order: KNOWN_MAPS.length, sentAs }
}

/** Known maps first in their order, then the rest by name. */
export function compareMapTypes(a: string, b: string): number {
  const left = mapTypeOf(a)
  const right = mapTypeOf(b)
  return left.order - right.order || left.key.localeCompare(right.key)
}

/**
 * Whether a normal map was sent in DirectX convention (green pointing down), which a renderer
 * expecting OpenGL's must flip, or the bumps light as dents.
 */
export function isDirectXNormal(sentAs: string): boolean {
  return /(dx|directx)$/.test(normalise(sentAs).replace(/_?map$/, ''))
}
