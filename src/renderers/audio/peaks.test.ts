import { describe, expect, it } from 'vitest'
import { barsOf, peaksOf } from './peaks'

describe('peaksOf', () => {
  it('takes the loudest sample of each slice across channels, scaled to the loudest slice', () => {
    const left = Float32Array.from([0.1, -0.2, 0, 0.05, 0.4, -0.1])
    const right = Float32Array.from([0, 0, -0.3, 0, 0, 0])
    expect(Array.from(peaksOf([left, right], 3))).toEqual([0.5, 0.75, 1].map(Math.fround))
  })

  it('gives silence as zeros, not NaN', () => {
    expect(Array.from(peaksOf([new Float32Array(8)], 4))).toEqual([0, 0, 0, 0])
  })

  it('copes with more slices than samples and with no channels at all', () => {
    expect(peaksOf([Float32Array.from([0.5, -1])], 4)).toHaveLength(4)
    expect(Array.from(peaksOf([], 3))).toEqual([0, 0, 0])
  })
})

describe('barsOf', () => {
  it('keeps the loudest peak of each group', () => {
    expect(Array.from(barsOf(Float32Array.from([0.25, 1, 0.5, 0.75]), 2))).toEqual([1, 0.75])
  })

  it('repeats peaks when there are more bars than peaks', () => {
    expect(Array.from(barsOf(Float32Array.from([0.25, 1]), 4))).toEqual([0.25, 0.25, 1, 1])
  })
})
