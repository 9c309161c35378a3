// Every demo scenario, as the page would read it: the demo upstream's answers through RawTask and normalizeTask.
import { describe, expect, it } from 'vitest'
import { normalizeTask } from '../../src/api/normalize-task.ts'
import { RawTask } from '../../src/api/task-schema.ts'
import type { ArtifactKind, TaskStatus, TaskView } from '../../src/api/task-view.ts'
import { taskAt } from './demo-upstream.ts'
import { scenarioFor, scenarios, type Scenario } from './scenarios.ts'

const START_MS = 1_764_100_000_000
const FILES = 'http://127.0.0.1:4173/demo/files/'
const file = (name: string) => `${FILES}${name}`

/** The scenario's task `elapsedMs` after its first query, as the page gets it over the wire. */
function seen(scenario: Scenario, elapsedMs: number): TaskView {
  const id = `demo-${scenario.name}-t1`
  const wire: unknown = JSON.parse(JSON.stringify(taskAt(scenario, id, START_MS, elapsedMs, file)))
  return normalizeTask(RawTask.parse(wire), id, wire)
}

const settled = (s: Scenario) => s.pendingMs + s.processingMs

const EXPECTED: Record<string, { status: TaskStatus; kinds: ArtifactKind[] }> = {
  'image': { status: 'completed', kinds: ['image', 'image', 'image'] },
  'video': { status: 'completed', kinds: ['video'] },
  'audio': { status: 'completed', kinds: ['audio'] },
  'chat': { status: 'completed', kinds: ['chat'] },
  'chat-tools': { status: 'completed', kinds: ['chat'] },
  'transcript': { status: 'completed', kinds: ['transcript'] },
  'pbr': { status: 'completed', kinds: ['pbr-map', 'pbr-map', 'pbr-map', 'pbr-map', 'pbr-map'] },
  'material': { status: 'completed', kinds: ['texture', 'pbr-map', 'pbr-map', 'pbr-map', 'pbr-map'] },
  'voice-clone': { status: 'completed', kinds: ['profile-id', 'audio'] },
  'kling-voice': { status: 'completed', kinds: ['profile-id'] },
  'sora-character': { status: 'completed', kinds: ['profile-id'] },
  'phota-profile': { status: 'completed', kinds: ['profile-id'] },
  'failed': { status: 'failed', kinds: [] },
  'cancelled': { status: 'cancelled', kinds: [] },
  'legacy': { status: 'completed', kinds: ['image', 'image'] },
  'unknown': { status: 'completed', kinds: ['raw'] },
  'slow': { status: 'completed', kinds: ['video'] },
}

const byName = (name: string): Scenario => {
  const scenario = scenarios.find((s) => s.name === name)
  if (!scenario) throw new Error(`no demo scenario ${name}`)
  return scenario
}

it('has an expectation for every scenario, and none for a scenario that is gone', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(scenarios.map((s) => s.name).sort())
})

describe.each(scenarios.map((scenario) => ({ name: scenario.name, scenario })))('demo-$name', ({ scenario }) => {
  it('is pending at 0% when first queried', () => {
    const task = seen(scenario, 0)
    expect(task).toMatchObject({ id: `demo-${scenario.name}-t1`, model: scenario.model, status: 'pending', progress: 0, artifacts: [] })
    expect(task.createdAt).toBe(START_MS)
  })

  it('is processing between 1% and 99% half-way, and just before it settles', () => {
    for (const elapsed of [scenario.pendingMs + scenario.processingMs / 2, settled(scenario) - 1]) {
      const task = seen(scenario, elapsed)
      expect(task.status).toBe('processing')
      expect(task.progress).toBeGreaterThanOrEqual(1)
      expect(task.progress).toBeLessThanOrEqual(99)
      expect(task.artifacts).toEqual([])
      expect(task.estimatedSeconds).toBe(scenario.estimatedSeconds)
    }
  })

  it('settles with the expected artifacts, and stays settled', () => {
    const expected = EXPECTED[scenario.name]
    for (const elapsed of [settled(scenario), settled(scenario) + 86_400_000]) {
      const task = seen(scenario, elapsed)
      expect(task.status).toBe(expected?.status)
      expect(task.artifacts.map((a) => a.kind)).toEqual(expected?.kinds)
      for (const artifact of task.artifacts) {
        if ('url' in artifact) expect(artifact.url.startsWith(FILES)).toBe(true)
      }
    }
  })

  it('keeps its type, or shows the unknown one as sent', () => {
    const task = seen(scenario, 0)
    if (scenario.type === 'hologram') expect(task).toMatchObject({ type: 'unknown', rawType: 'hologram' })
    else expect(task).toMatchObject({ type: scenario.type, rawType: undefined })
  })
})

it('sends the estimate on the demo clock: a faster pace, a shorter estimate', () => {
  const slow = byName('slow')
  const wire = taskAt(slow, 'demo-slow-t1', START_MS, slow.pendingMs + 1000, file, 10)
  const task = normalizeTask(RawTask.parse(wire), 'demo-slow-t1')
  expect(task.estimatedSeconds).toBe(18)
})

describe('what the settled demo tasks carry', () => {
  const done = (name: string) => seen(byName(name), 10 * 60_000)

  it('failed: the error code and message', () => {
    expect(done('failed').error).toEqual({
      code: 'generation_failed',
      message: 'The upstream provider rejected the input image: it is smaller than 300x300 pixels.',
    })
  })

  it('video: the seed as text', () => {
    expect(done('video').artifacts[0]).toMatchObject({ kind: 'video', seed: '1947203311', duration: 4 })
  })

  it('transcript: words of two speakers, with spacing and audio events', () => {
    const transcript = done('transcript').artifacts[0]
    if (transcript?.kind !== 'transcript') throw new Error('expected a transcript')
    expect(transcript.words.length).toBeGreaterThan(100)
    expect(new Set(transcript.words.map((w) => w.speaker))).toEqual(new Set(['speaker_0', 'speaker_1']))
    expect(new Set(transcript.words.map((w) => w.type))).toEqual(new Set(['word', 'spacing', 'audio_event']))
  })

  it('voice-clone, kling-voice, sora-character, phota-profile: reusable IDs of the right kind', () => {
    expect(done('voice-clone').artifacts[0]).toMatchObject({ idKind: 'minimax-voice', field: 'voice_id', id: 'foxwatch_demo_voice_20261126' })
    expect(done('kling-voice').artifacts[0]).toMatchObject({ idKind: 'kling-voice', field: 'voice_id', id: '829410375520931841' })
    expect(done('sora-character').artifacts[0]).toMatchObject({ idKind: 'sora-character', id: 'char_6924b1f0e3a4819c', name: 'Captain Fox' })
    expect(done('phota-profile').artifacts[0]).toMatchObject({ idKind: 'phota-profile', field: 'profile_id', id: 'prof_01KAXR7M3FQ2' })
  })

  it('pbr and material: the map types as sent', () => {
    const mapTypes = (name: string) => done(name).artifacts.flatMap((a) => (a.kind === 'pbr-map' ? [a.mapType] : []))
    expect(mapTypes('pbr')).toEqual(['basecolor', 'normal', 'roughness', 'metalness', 'height'])
    expect(mapTypes('material')).toEqual(['albedo', 'normal', 'roughness', 'displacement'])
  })

  it('legacy: output.url and output.urls without duplicates', () => {
    expect(done('legacy').artifacts.map((a) => ('url' in a ? a.url : undefined)).sort()).toEqual([file('image-2.png'), file('image-3.png')])
  })

  it('unknown: the whole result item, raw', () => {
    expect(done('unknown').artifacts).toEqual([{
      kind: 'raw',
      index: 0,
      value: { mesh: { format: 'glb', vertices: 20480 }, preview: file('image-1.png'), tags: ['fox', 'low-poly'] },
    }])
  })

  it('chat: the answer, the reasoning and the usage', () => {
    const chat = done('chat').artifacts[0]
    if (chat?.kind !== 'chat') throw new Error('expected a chat')
    expect(chat.choices[0]?.content).toContain('## Polling a foxapi task')
    expect(chat.choices[0]?.reasoning).toBeTruthy()
    expect(chat.usage).toEqual({ prompt: 42, completion: 187, total: 229 })
  })

  it('chat-tools: a tool call, then a rich answer carrying raw HTML as text to be shown', () => {
    const chat = done('chat-tools').artifacts[0]
    if (chat?.kind !== 'chat') throw new Error('expected a chat')
    expect(chat.choices.map((c) => c.finishReason)).toEqual(['tool_calls', 'stop'])
    expect(chat.choices[0]?.toolCalls).toEqual([{ name: 'get_weather', arguments: '{"location":"Lisbon, PT","unit":"celsius","days":2}' }])
    expect(chat.choices[0]?.content).toBeTruthy()
    const answer = chat.choices[1]?.content ?? ''
    for (const part of ['| --- |', '```python', '](https://open-meteo.com/', '<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>']) {
      expect(answer).toContain(part)
    }
    expect(chat.usage).toEqual({ prompt: 118, completion: 264, total: 382 })
  })

  it('demo-chat-<anything> still runs the plain chat, and demo-chat-tools-<anything> the tool one', () => {
    expect(scenarioFor('demo-chat-a1b2')?.name).toBe('chat')
    expect(scenarioFor('demo-chat-tools-a1b2')?.name).toBe('chat-tools')
  })
})
