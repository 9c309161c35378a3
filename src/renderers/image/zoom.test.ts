import { describe, expect, it } from 'vitest'
import { MAX_SCALE, MIN_SCALE, fitScale, formatPixels, formatScale, zoomedIn, zoomedOut } from './zoom'

describe('fitScale', () => {
  it.each([
    { image: { width: 512, height: 512 }, box: { width: 1000, height: 600 }, scale: 600 / 512 },
    { image: { width: 2000, height: 1000 }, box: { width: 1000, height: 1000 }, scale: 0.5 },
    { image: { width: 0, height: 0 }, box: { width: 1000, height: 1000 }, scale: 1 },
    { image: { width: 512, height: 512 }, box: { width: 0, height: 0 }, scale: 1 },
  ])('fits $image.width×$image.height into $box.width×$box.height at $scale', ({ image, box, scale }) => {
    expect(fitScale(image, box)).toBeCloseTo(scale)
  })
})

describe('zoom steps', () => {
  it.each([
    [1, 1.5],
    [1.17, 1.5],
    [0.3, 0.5],
    [MAX_SCALE, MAX_SCALE],
  ])('zooming in from %s goes to %s', (from, to) => expect(zoomedIn(from)).toBe(to))

  it.each([
    [1, 0.75],
    [1.17, 1],
    [0.3, 0.25],
    [MIN_SCALE, MIN_SCALE],
  ])('zooming out from %s goes to %s', (from, to) => expect(zoomedOut(from)).toBe(to))
})

describe('labels', () => {
  it('reads a scale as a percentage and a size as width×height', () => {
    expect(formatScale(1.171875)).toBe('117%')
    expect(formatPixels({ width: 512, height: 256 })).toBe('512×256')
  })
})
