import { describe, expect, it } from 'vitest'
import { compareMapTypes, isDirectXNormal, mapTypeOf } from './map-types'

describe('mapTypeOf', () => {
  it.each([
    ['basecolor', 'basecolor', 'Base color'],
    ['Albedo', 'basecolor', 'Base color'],
    ['base-colour', 'basecolor', 'Base color'],
    ['normal_gl', 'normal', 'Normal'],
    ['NormalMap', 'normal', 'Normal'],
    ['normal map', 'normal', 'Normal'],
    ['metallic', 'metalness', 'Metalness'],
    ['displacement', 'height', 'Height'],
    ['Ambient Occlusion', 'ao', 'Ambient occlusion'],
    ['AO', 'ao', 'Ambient occlusion'],
  ])('folds %s into %s', (sentAs, key, label) => {
    expect(mapTypeOf(sentAs)).toMatchObject({ key, label, sentAs })
  })

  it('keeps a name it does not know as sent, after every known one', () => {
    expect(mapTypeOf('Gloss')).toEqual({ key: 'gloss', label: 'Gloss', order: 6, sentAs: 'Gloss' })
    expect(mapTypeOf('map').key).toBe('map')
  })
})

describe('compareMapTypes', () => {
  it('puts known maps in their fixed order, then the rest by name', () => {
    const sent = ['opacity', 'displacement', 'ao', 'metallic', 'emissive', 'roughness', 'normal', 'albedo']
    expect(sent.toSorted(compareMapTypes)).toEqual(['albedo', 'normal', 'roughness', 'metallic', 'displacement', 'ao', 'emissive', 'opacity'])
  })
})

describe('isDirectXNormal', () => {
  it.each([
    ['normal_dx', true],
    ['NormalDX', true],
    ['normal-directx-map', true],
    ['normal_gl', false],
    ['normal', false],
    ['nor_dx', true],
  ])('%s → %s', (sentAs, directX) => {
    expect(isDirectXNormal(sentAs)).toBe(directX)
  })
})
