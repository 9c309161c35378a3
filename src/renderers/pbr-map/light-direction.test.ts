import { describe, expect, it } from 'vitest'
import { describeDirection, lightPosition } from './light-direction'

describe('lightPosition', () => {
  it('lights from the viewer at 0° and from their right at 90°, wherever they stand', () => {
    // Standing on +x (azimuth π/2) looking at the origin.
    const front = lightPosition(0, Math.PI / 2, 1)
    expect(front.x).toBeGreaterThan(0.5)
    // The viewer's right is then -z.
    expect(lightPosition(90, Math.PI / 2, 1).z).toBeLessThan(-0.5)
  })

  it('sits on a sphere of the given radius, above the horizon', () => {
    const { x, y, z } = lightPosition(200, 0.7, 5)
    expect(Math.hypot(x, y, z)).toBeCloseTo(5)
    expect(y).toBeGreaterThan(0)
  })
})

describe('describeDirection', () => {
  it.each([
    [0, 'front'],
    [100, 'right'],
    [315, 'front left'],
    [359, 'front'],
    [-45, 'front left'],
  ])('%d° is from the %s', (degrees, name) => {
    expect(describeDirection(degrees)).toBe(name)
  })
})
