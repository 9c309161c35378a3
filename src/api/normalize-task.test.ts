import { describe, expect, it } from 'vitest'
import { normalizeTask } from './normalize-task'
import { RawTask } from './task-schema'
import type { Artifact, ArtifactKind, TaskView } from './task-view'

const ID = 'task-unified-1757165031-uyujaw3d'

function normalize(body: unknown, requestedId = ID): TaskView {
  return normalizeTask(RawTask.parse(body), requestedId, body)
}

/** A completed task of `model` and `type` with these results. */
function completed(model: string, type: string, results: unknown[]): TaskView {
  return normalize({ id: ID, model, type, status: 'completed', progress: 100, created: 1757165031, results, error: null })
}

const kinds = (task: TaskView): ArtifactKind[] => task.artifacts.map((a) => a.kind)

function only<K extends ArtifactKind>(task: TaskView, kind: K): Extract<Artifact, { kind: K }> {
  expect(kinds(task)).toEqual([kind])
  const [artifact] = task.artifacts.filter((a): a is Extract<Artifact, { kind: K }> => a.kind === kind)
  if (!artifact) throw new Error(`expected one ${kind} artifact`)
  return artifact
}

describe('the task fields', () => {
  it('reads the current docs example: a pending video task', () => {
    const body = {
      id: ID,
      object: 'video.generation.task',
      type: 'video',
      model: 'lipsync-2',
      status: 'pending',
      progress: 0,
      created: 1757165031,
      results: null,
      error: null,
      usage: { credits_reserved: 5, user_group: 'default' },
    }
    expect(normalize(body, 'ignored')).toEqual({
      id: ID,
      model: 'lipsync-2',
      type: 'video',
      rawType: undefined,
      status: 'pending',
      rawStatus: undefined,
      progress: 0,
      createdAt: 1_757_165_031_000,
      estimatedSeconds: undefined,
      error: undefined,
      creditsReserved: 5,
      usage: { credits_reserved: 5, user_group: 'default' },
      artifacts: [],
      raw: body,
    } satisfies TaskView)
  })

  it('falls back to the requested ID and reads task_info.estimated_time', () => {
    const task = normalize({ status: 'processing', progress: 40, task_info: { can_cancel: false, estimated_time: 90 } }, 'abc123')
    expect(task).toMatchObject({ id: 'abc123', status: 'processing', progress: 40, estimatedSeconds: 90 })
  })

  it('shows a failed task’s error code and message', () => {
    const task = normalize({
      status: 'failed',
      type: 'video',
      error: { code: 'generation_failed', message: 'The input image is too small.', type: 'task_error' },
    })
    expect(task.status).toBe('failed')
    expect(task.error).toEqual({ code: 'generation_failed', message: 'The input image is too small.' })
  })

  it('takes completed as 100% whatever progress says', () => {
    expect(normalize({ status: 'completed', progress: 0 }).progress).toBe(100)
  })

  it.each([
    { object: 'image.generation.task', type: 'image' },
    { object: 'audio.generation.task', type: 'audio' },
    { object: 'llm.generation.task', type: 'llm' },
  ])('guesses type $type from object $object when type is missing', ({ object, type }) => {
    expect(normalize({ status: 'pending', object }).type).toBe(type)
  })
})

describe('the older output{url, urls} shape', () => {
  it('turns the docs example into deduplicated images', () => {
    const task = normalize({
      status: 'completed',
      type: 'image',
      model: 'gemini-3.1-flash-image-preview',
      output: {
        url: 'https://cdn.foxapi.cc/output/example.png',
        urls: ['https://cdn.foxapi.cc/output/example1.png', 'https://cdn.foxapi.cc/output/example2.png'],
        duration: 5,
        width: 1024,
        height: 1024,
      },
    })
    expect(kinds(task)).toEqual(['image', 'image', 'image'])
    const urls = task.artifacts.map((a) => ('url' in a ? a.url : undefined))
    expect(new Set(urls)).toEqual(new Set([
      'https://cdn.foxapi.cc/output/example.png',
      'https://cdn.foxapi.cc/output/example1.png',
      'https://cdn.foxapi.cc/output/example2.png',
    ]))
    expect(task.artifacts[0]).toMatchObject({ width: 1024, height: 1024 })
  })

  it('shows a URL listed in both url and urls once', () => {
    const task = normalize({
      status: 'completed',
      type: 'image',
      output: { url: 'https://cdn.foxapi.cc/a.png', urls: ['https://cdn.foxapi.cc/a.png', 'https://cdn.foxapi.cc/b.png'] },
    })
    expect(task.artifacts.map((a) => ('url' in a ? a.url : undefined)))
      .toEqual(['https://cdn.foxapi.cc/a.png', 'https://cdn.foxapi.cc/b.png'])
  })

  it('prefers results when both are present', () => {
    const task = normalize({
      status: 'completed',
      type: 'image',
      results: [{ url: 'https://cdn.foxapi.cc/r.png' }],
      output: { url: 'https://cdn.foxapi.cc/o.png' },
    })
    expect(only(task, 'image').url).toBe('https://cdn.foxapi.cc/r.png')
  })
})

describe('results by type', () => {
  it.each([
    { type: 'image', result: { url: 'https://cdn.foxapi.cc/a.png', content_type: 'image/png', width: 512, height: 768 }, kind: 'image' },
    { type: 'video', result: { url: 'https://cdn.foxapi.cc/a.mp4', duration: 5 }, kind: 'video' },
    { type: 'audio', result: { url: 'https://cdn.foxapi.cc/a.mp3', content_type: 'audio/mpeg', duration: 4.6 }, kind: 'audio' },
    // content_type wins over the task type
    { type: 'video', result: { url: 'https://cdn.foxapi.cc/thumb', content_type: 'image/jpeg' }, kind: 'image' },
  ] as const)('$type task, $result.url → $kind', ({ type, result, kind }) => {
    const artifact = only(completed('some-model', type, [result]), kind)
    expect(artifact).toMatchObject({ index: 0, url: result.url })
  })

  it('keeps size and duration', () => {
    expect(only(completed('m', 'image', [{ url: 'https://x.test/a.png', width: 512, height: 768 }]), 'image'))
      .toMatchObject({ width: 512, height: 768, contentType: undefined })
    expect(only(completed('m', 'audio', [{ url: 'https://x.test/a.mp3', duration: 4.6 }]), 'audio').duration).toBe(4.6)
  })
})

describe('results by model', () => {
  it('kling-video-create-voice {voice_id} → a Kling voice ID', () => {
    const id = only(completed('kling-video-create-voice', 'video', [{ voice_id: '829410375520931841' }]), 'profile-id')
    expect(id).toEqual({ kind: 'profile-id', index: 0, idKind: 'kling-voice', field: 'voice_id', id: '829410375520931841', name: undefined })
  })

  it('minimax-voice-clone {voice_id, url, content_type} in one item → a MiniMax voice ID and the preview audio', () => {
    const task = completed('minimax-voice-clone', 'audio', [
      { voice_id: 'my_voice_1', url: 'https://cdn.foxapi.cc/preview.mp3', content_type: 'audio/mpeg' },
    ])
    expect(task.artifacts).toEqual([
      { kind: 'profile-id', index: 0, idKind: 'minimax-voice', field: 'voice_id', id: 'my_voice_1', name: undefined },
      { kind: 'audio', index: 0, url: 'https://cdn.foxapi.cc/preview.mp3', contentType: 'audio/mpeg', duration: undefined },
    ])
  })

  it('minimax-voice-clone with the ID and the preview as two items → the same two artifacts', () => {
    const task = completed('minimax-voice-clone', 'audio', [
      { voice_id: 'my_voice_1' },
      { url: 'https://cdn.foxapi.cc/preview.mp3', content_type: 'audio/mpeg' },
    ])
    expect(task.artifacts).toMatchObject([
      { kind: 'profile-id', index: 0, idKind: 'minimax-voice', id: 'my_voice_1' },
      { kind: 'audio', index: 1, url: 'https://cdn.foxapi.cc/preview.mp3' },
    ])
  })

  it('sora-2-character {character_id, name} → a character with its name', () => {
    const id = only(completed('sora-2-character', 'video', [{ character_id: 'char_6924b1f0e3a4819c', name: 'Captain Fox' }]), 'profile-id')
    expect(id).toMatchObject({ idKind: 'sora-character', field: 'character_id', id: 'char_6924b1f0e3a4819c', name: 'Captain Fox' })
  })

  it('phota-create-profile {result_type: "profile", profile_id} → a PHOTA profile', () => {
    const id = only(completed('phota-create-profile', 'image', [{ result_type: 'profile', profile_id: 'prof_01KAXR7M3FQ2' }]), 'profile-id')
    expect(id).toMatchObject({ idKind: 'phota-profile', field: 'profile_id', id: 'prof_01KAXR7M3FQ2' })
  })

  it('scribe-v2 → a transcript; odd words kept, a malformed word dropped', () => {
    const transcript = only(completed('scribe-v2', 'audio', [{
      text: 'Hello there (laughter)',
      language_code: 'eng',
      language_probability: 0.98,
      words: [
        { text: 'Hello', start: 0.1, end: 0.5, type: 'word', speaker_id: 'speaker_0', logprob: -0.12 },
        { text: ' ', start: 0.5, end: 0.6, type: 'spacing', speaker_id: 'speaker_0' },
        { text: 'there', start: null, end: null, type: 'word', speaker_id: 'speaker_1' },
        { start: 1, end: 2, type: 'word' },
        { text: '(laughter)', start: 1.2, end: 2, type: 'audio_event' },
        { text: 'untyped' },
      ],
    }]), 'transcript')
    expect(transcript).toMatchObject({ index: 0, text: 'Hello there (laughter)', languageCode: 'eng', languageProbability: 0.98 })
    expect(transcript.words).toEqual([
      { text: 'Hello', start: 0.1, end: 0.5, type: 'word', speaker: 'speaker_0', logprob: -0.12 },
      { text: ' ', start: 0.5, end: 0.6, type: 'spacing', speaker: 'speaker_0', logprob: undefined },
      { text: 'there', start: null, end: null, type: 'word', speaker: 'speaker_1', logprob: undefined },
      { text: '(laughter)', start: 1.2, end: 2, type: 'audio_event', speaker: undefined, logprob: undefined },
      { text: 'untyped', start: null, end: null, type: 'word', speaker: undefined, logprob: undefined },
    ])
  })

  it.each(['seedance-2.0-text-to-video', 'seedance-2.0-fast-image-to-video'])('%s {url, seed} → a video with its seed as text', (model) => {
    const video = only(completed(model, 'video', [{ url: 'https://cdn.foxapi.cc/v.mp4', seed: 1947203311 }]), 'video')
    expect(video).toMatchObject({ url: 'https://cdn.foxapi.cc/v.mp4', seed: '1947203311' })
  })

  it('patina-pbr-maps → PBR maps with their map type', () => {
    const task = completed('patina-pbr-maps', 'image', ['basecolor', 'normal', 'roughness'].map((mapType) => ({
      url: `https://cdn.foxapi.cc/${mapType}.png`, content_type: 'image/png', result_type: 'pbr_map', map_type: mapType,
    })))
    expect(task.artifacts).toMatchObject([
      { kind: 'pbr-map', index: 0, mapType: 'basecolor', contentType: 'image/png' },
      { kind: 'pbr-map', index: 1, mapType: 'normal' },
      { kind: 'pbr-map', index: 2, mapType: 'roughness' },
    ])
  })

  it.each(['patina-material', 'patina-material-extract'])('%s → a texture and PBR maps, mixed', (model) => {
    const task = completed(model, 'image', [
      { url: 'https://cdn.foxapi.cc/t.jpg', content_type: 'image/jpeg', result_type: 'texture' },
      { url: 'https://cdn.foxapi.cc/albedo.jpg', content_type: 'image/jpeg', result_type: 'pbr_map', map_type: 'albedo' },
      { url: 'https://cdn.foxapi.cc/ao.png', content_type: 'image/png', result_type: 'pbr_map', map_type: 'ao' },
    ])
    expect(task.artifacts).toMatchObject([
      { kind: 'texture', index: 0, url: 'https://cdn.foxapi.cc/t.jpg' },
      { kind: 'pbr-map', index: 1, mapType: 'albedo' },
      { kind: 'pbr-map', index: 2, mapType: 'ao' },
    ])
  })
})

describe('llm results', () => {
  const completion = {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1757165031,
    model: 'gpt-5.1-mini',
    choices: [{
      index: 0,
      message: {
        role: 'assistant',
        content: 'It is sunny.',
        reasoning_content: 'Look up the weather first.',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
      },
      finish_reason: 'tool_calls',
    }],
    usage: { prompt_tokens: 42, completion_tokens: 187, total_tokens: 229 },
  }

  it('reads a ChatCompletion with reasoning, tool calls and usage', () => {
    expect(only(completed('gpt-5.1-mini', 'llm', [completion]), 'chat')).toEqual({
      kind: 'chat',
      index: 0,
      model: 'gpt-5.1-mini',
      choices: [{
        index: 0,
        role: 'assistant',
        content: 'It is sunny.',
        reasoning: 'Look up the weather first.',
        toolCalls: [{ name: 'get_weather', arguments: '{"city":"Oslo"}' }],
        finishReason: 'tool_calls',
      }],
      usage: { prompt: 42, completion: 187, total: 229 },
    })
  })

  it('reads the bare {message: {content}} form', () => {
    const chat = only(completed('some-llm', 'llm', [{ message: { content: 'Hi.' } }]), 'chat')
    expect(chat.choices).toEqual([{ index: 0, role: 'assistant', content: 'Hi.', reasoning: undefined, toolCalls: [], finishReason: undefined }])
  })

  it('treats type "text" as llm', () => {
    const task = completed('some-llm', 'text', [completion])
    expect(task.type).toBe('llm')
    expect(task.rawType).toBeUndefined()
    expect(kinds(task)).toEqual(['chat'])
  })

  it('shows an llm result it cannot read as raw', () => {
    expect(only(completed('some-llm', 'llm', [{ choices: [] }]), 'raw').value).toEqual({ choices: [] })
  })
})

describe('broken input', () => {
  it('reads results and an error nested 100,000 levels deep, past where JSON.stringify can go', () => {
    const levels = 100_000
    let deep: unknown = null
    for (let i = 0; i < levels; i++) deep = { next: deep }
    const text = `${'{"next":'.repeat(levels)}null${'}'.repeat(levels)}`
    const task = normalize({ status: 'failed', results: [deep], error: [deep] })
    expect(kinds(task)).toEqual(['raw'])
    expect(task.error?.message).toBe(`[${text}]`)
  })

  it('refuses a body without a status', () => {
    expect(RawTask.safeParse({ id: ID, type: 'image', results: [] }).success).toBe(false)
    expect(RawTask.safeParse({ status: 7 }).success).toBe(false)
    expect(RawTask.safeParse(null).success).toBe(false)
  })

  it('keeps an unknown status as unknown, with what was sent', () => {
    expect(normalize({ status: 'exploded' })).toMatchObject({ status: 'unknown', rawStatus: 'exploded' })
  })

  it('keeps an unknown type as unknown, with what was sent', () => {
    expect(normalize({ status: 'pending', type: 'hologram', object: 'hologram.generation.task' }))
      .toMatchObject({ type: 'unknown', rawType: 'hologram' })
  })

  it.each([
    { progress: 150, expected: 100 },
    { progress: -5, expected: 0 },
    { progress: 42.6, expected: 43 },
    { progress: '50', expected: undefined },
    { progress: null, expected: undefined },
    { progress: Number.NaN, expected: undefined },
  ])('progress $progress → $expected', ({ progress, expected }) => {
    expect(normalize({ status: 'processing', progress }).progress).toBe(expected)
  })

  it.each([0, -1, '1757165031', null])('created %j → no creation time', (created) => {
    expect(normalize({ status: 'pending', created }).createdAt).toBeUndefined()
  })

  it('reads one result object where the results array belongs as that result', () => {
    const task = normalize({ status: 'completed', type: 'image', results: { url: 'https://cdn.foxapi.cc/a.png' } })
    expect(only(task, 'image')).toMatchObject({ index: 0, url: 'https://cdn.foxapi.cc/a.png' })
  })

  it.each(['https://cdn.foxapi.cc/a.png', 3, true])('shows results %j (not an array, not a result) as raw', (results) => {
    const task = normalize({ status: 'completed', type: 'image', results })
    expect(task.status).toBe('completed')
    expect(task.artifacts).toEqual([{ kind: 'raw', index: 0, value: results }])
  })

  it.each([null, [], undefined])('shows nothing for results %j', (results) => {
    expect(normalize({ status: 'completed', type: 'image', results }).artifacts).toEqual([])
  })

  it('shows result items that are null, a number, a string or an array as raw', () => {
    const items = [null, 42, 'https://cdn.foxapi.cc/a.png', ['https://cdn.foxapi.cc/a.png']]
    expect(completed('m', 'image', items).artifacts).toEqual(items.map((value, index) => ({ kind: 'raw', index, value })))
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)//.png',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://cdn.foxapi.cc/1234',
  ])('never makes %s an image, video or audio', (url) => {
    for (const type of ['image', 'video', 'audio']) {
      for (const item of [{ url }, { url, content_type: `${type}/png` }, { url, result_type: 'pbr_map', map_type: 'normal' }]) {
        const task = completed('m', type, [item])
        expect(task.artifacts).toEqual([{ kind: 'raw', index: 0, value: item }])
      }
    }
    const legacy = normalize({ status: 'completed', type: 'image', output: { url, urls: [url] } })
    expect(kinds(legacy)).toEqual(['raw'])
  })

  it('passes unknown keys through in raw', () => {
    const body = { status: 'completed', type: 'image', shiny_new_field: { nested: [1, 2] }, results: [{ url: 'https://x.test/a.png', extra: true }] }
    const task = normalize(body)
    expect(task.raw).toEqual(body)
    expect(normalizeTask(RawTask.parse(body), ID).raw).toMatchObject({ shiny_new_field: { nested: [1, 2] } })
  })

  it('ignores wrong-typed optional fields instead of failing the task', () => {
    const task = normalize({ status: 'pending', id: 7, model: ['x'], usage: 'lots', error: {}, task_info: 'soon' }, 'abc123')
    expect(task).toMatchObject({ id: 'abc123', model: undefined, usage: undefined, error: undefined, estimatedSeconds: undefined })
  })

  it.each([
    { error: 'The input image is too small.', message: 'The input image is too small.' },
    { error: 500, message: '500' },
    { error: { code: 'generation_failed', message: { detail: 'Too small.' } }, message: '{"detail":"Too small."}' },
  ])('keeps what an error of another shape said: $error', ({ error, message }) => {
    expect(normalize({ status: 'failed', error }).error?.message).toBe(message)
  })
})

describe('fields of a known result that nobody reads', () => {
  it('are kept beside the artifact, and only those', () => {
    const [image] = completed('m', 'image', [{ url: 'https://r.example/a.png', width: 512, note: 'hi', foo: { bar: 1 } }]).artifacts
    expect(image).toMatchObject({ kind: 'image', width: 512, extra: { note: 'hi', foo: { bar: 1 } } })
  })

  it('are not there when there are none', () => {
    const [image] = completed('m', 'image', [{ url: 'https://r.example/a.png', width: 512, seed: 3 }]).artifacts
    expect(image).not.toHaveProperty('extra')
  })
})
