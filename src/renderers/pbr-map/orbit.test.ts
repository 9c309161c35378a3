import { describe, expect, it } from 'vitest'
import { describeDirection, dragOrbit, lightPosition, orbitPosition } from './orbit'

describe('dragOrbit', () => {
  it('turns round the vertical axis without limit', () => {
    expect(dragOrbit({ azimuth: 0, polar: 1 }, -1000, 0).azimuth).toBeCloseTo(10)
  })

  it('stops short of the poles, so the view never flips over', () => {
    expect(dragOrbit({ azimuth: 0, polar: 1 }, 0, 10_000).polar).toBeGreaterThan(0)
    expect(dragOrbit({ azimuth: 0, polar: 1 }, 0, -10_000).polar).toBeLessThan(Math.PI)
  })
})

describe('positions', () => {
  it('puts the camera on a sphere of the given radius', () => {
    const { x, y, z } = orbitPosition({ azimuth: 0.7, polar: 1.1 }, 3)
    expect(Math.hypot(x, y, z)).toBeCloseTo(3)
  })

  it('lights from the viewer at 0° and from their right at 90°, wherever they stand', () => {
    const orbit = { azimuth: Math.PI / 2, polar: Math.PI / 2 }
    const eye = orbitPosition(orbit, 1)
    const front = lightPosition(0, orbit, 1)
    expect(front.x).toBeGreaterThan(0)
    expect(Math.sign(front.x)).toBe(Math.sign(eye.x))
    // Standing on +x looking at the origin, the viewer's right is -z.
    expect(lightPosition(90, orbit, 1).z).toBeLessThan(-0.5)
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
