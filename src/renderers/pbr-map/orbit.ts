// The 3D preview's camera and light positions as plain numbers, so the maths is testable
// without a WebGL context.

export type Orbit = {
  /** Around the vertical axis, in radians; 0 looks from +z. */
  azimuth: number
  /** From straight above, in radians: kept off the poles so the view never flips. */
  polar: number
}

const MIN_POLAR = 0.15
const MAX_POLAR = Math.PI - 0.15
/** Radians turned per CSS pixel dragged: a drag across a 600 px canvas is about a full turn. */
const RADIANS_PER_PIXEL = 0.01

export const START_ORBIT: Orbit = { azimuth: 0.5, polar: 1.2 }

export function dragOrbit(orbit: Orbit, dx: number, dy: number): Orbit {
  return {
    azimuth: orbit.azimuth - dx * RADIANS_PER_PIXEL,
    polar: Math.min(MAX_POLAR, Math.max(MIN_POLAR, orbit.polar - dy * RADIANS_PER_PIXEL)),
  }
}

export type Vector = { x: number; y: number; z: number }

export function orbitPosition(orbit: Orbit, radius: number): Vector {
  const ring = radius * Math.sin(orbit.polar)
  return { x: ring * Math.sin(orbit.azimuth), y: radius * Math.cos(orbit.polar), z: ring * Math.cos(orbit.azimuth) }
}

/**
 * Where the light sits for an angle in degrees around the viewer (0 = from the viewer, 90 = from
 * the right), raised 35°. It turns with the camera, so "from the right" stays true while orbiting.
 */
export function lightPosition(degrees: number, orbit: Orbit, radius: number): Vector {
  const azimuth = orbit.azimuth + (degrees * Math.PI) / 180
  const elevation = (35 * Math.PI) / 180
  const ring = radius * Math.cos(elevation)
  return { x: ring * Math.sin(azimuth), y: radius * Math.sin(elevation), z: ring * Math.cos(azimuth) }
}

/** "front", "front right" …: what the canvas's accessible name says about the light. */
export function describeDirection(degrees: number): string {
  const names = ['front', 'front right', 'right', 'back right', 'back', 'back left', 'left', 'front left']
  const wrapped = ((degrees % 360) + 360) % 360
  return names[Math.round(wrapped / 45) % names.length] ?? 'front'
}
