import { describe, expect, it } from 'vitest'
import type { Artifact, PbrMapArtifact, TaskView } from '../../api/task-view'
import { planPreview } from './preview-maps'

function map(index: number, mapType: string): PbrMapArtifact {
  return { kind: 'pbr-map', index, url: `https://files.example/${mapType}.png`, contentType: 'image/png', mapType }
}

function taskWith(artifacts: Artifact[]): TaskView {
  return {
    id: 'task-1', model: 'patina-material', type: 'image', rawType: undefined, status: 'completed', rawStatus: undefined,
    progress: 100, createdAt: undefined, estimatedSeconds: undefined, error: undefined, creditsReserved: undefined,
    usage: undefined, artifacts, raw: {},
  }
}

describe('planPreview', () => {
  it('puts each known map in its slot, in the known order, and names the slots nothing came for', () => {
    const maps = [map(0, 'displacement'), map(1, 'albedo'), map(2, 'Normal_DX'), map(3, 'roughness'), map(4, 'emissive')]
    const plan = planPreview(maps, taskWith(maps))
    expect(plan.maps.map((m) => [m.slot, m.label, m.flipGreen])).toEqual([
      ['basecolor', 'Base color', false],
      ['normal', 'Normal', true],
      ['roughness', 'Roughness', false],
      ['height', 'Height', false],
    ])
    expect(plan.missing).toEqual(['metalness', 'ao'])
  })

  it('keeps the first of two maps of one type', () => {
    const maps = [map(0, 'normal_gl'), map(1, 'normal_dx')]
    expect(planPreview(maps, taskWith(maps)).maps).toEqual([
      { slot: 'normal', url: 'https://files.example/normal_gl.png', label: 'Normal', flipGreen: false },
    ])
  })

  it('colours the material with the task’s texture when no base color map came', () => {
    const maps = [map(1, 'normal')]
    const texture: Artifact = { kind: 'texture', index: 0, url: 'https://files.example/texture.jpg', contentType: 'image/jpeg' }
    const plan = planPreview(maps, taskWith([texture, ...maps]))
    expect(plan.maps[0]).toEqual({
      slot: 'basecolor', url: 'https://files.example/texture.jpg', label: 'Base color (from texture 1)', flipGreen: false,
    })
  })

  it('prefers a base color map over a texture', () => {
    const maps = [map(1, 'albedo')]
    const texture: Artifact = { kind: 'texture', index: 0, url: 'https://files.example/texture.jpg', contentType: 'image/jpeg' }
    expect(planPreview(maps, taskWith([texture, ...maps])).maps[0]?.url).toBe('https://files.example/albedo.png')
  })
})
