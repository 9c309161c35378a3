// PBR map types: the known ones in a fixed order, other vendors' names folded into them.

export const KNOWN_MAPS = ['basecolor', 'normal', 'roughness', 'metalness', 'height'] as const
export type KnownMap = (typeof KNOWN_MAPS)[number]

const LABEL = {
  basecolor: 'Base color',
  normal: 'Normal',
  roughness: 'Roughness',
  metalness: 'Metalness',
  height: 'Height',
} as const satisfies Record<KnownMap, string>

const ALIASES: Readonly<Record<string, KnownMap>> = {
  basecolor: 'basecolor', base_color: 'basecolor', albedo: 'basecolor', diffuse: 'basecolor', color: 'basecolor', colour: 'basecolor',
  normal: 'normal', normal_gl: 'normal', normal_dx: 'normal', normalgl: 'normal', normaldx: 'normal',
  roughness: 'roughness', rough: 'roughness',
  metalness: 'metalness', metallic: 'metalness', metal: 'metalness',
  height: 'height', displacement: 'height', disp: 'height', bump: 'height',
}

export type MapType = { key: string; label: string; order: number; sentAs: string }

export function mapTypeOf(sentAs: string): MapType {
  const normalised = sentAs.trim().toLowerCase().replace(/[\s-]+/g, '_')
  const known = Object.hasOwn(ALIASES, normalised) ? ALIASES[normalised] : undefined
  if (known) return { key: known, label: LABEL[known], order: KNOWN_MAPS.indexOf(known), sentAs }
  return { key: normalised, label: sentAs, order: KNOWN_MAPS.length, sentAs }
}

/** Known maps first in their order, then the rest by name. */
export function compareMapTypes(a: string, b: string): number {
  const left = mapTypeOf(a)
  const right = mapTypeOf(b)
  return left.order - right.order || left.key.localeCompare(right.key)
}
