// Where the 3D preview's light sits and what its direction is called, as plain numbers: testable
// without a WebGL context, and the preview's own chunk can name the direction without three.js.

export type Vector = { x: number; y: number; z: number }

/**
 * Where the light sits for an angle in degrees around the viewer (0 = from the viewer, 90 = from
 * the right), raised 35°. `viewAzimuth` is where the viewer stands around the vertical axis, in
 * radians (0 looks from +z): the light turns with the camera, so "from the right" stays true
 * while orbiting.
 */
export function lightPosition(degrees: number, viewAzimuth: number, radius: number): Vector {
  const azimuth = viewAzimuth + (degrees * Math.PI) / 180
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
