// Task payloads made by breaking valid ones, for the unit and browser tests of issue 6: every
// field missing, null, wrong-typed or joined by strangers, at every level; unknown models, types
// and statuses; empty and huge results; a 100,000-word transcript; odd word times and errors.
// Each case is named for what was broken, so a failure reads as the input that caused it.
import type { ArtifactKind, TaskStatus } from '../../api/task-view'

/** Where a payload's result links point: a CDN by default, the fake upstream in browser tests. */
export type FileUrl = (name: string) => string

export type Expectation =
  /** Not a task at all: the page must say it could not read the answer, never go blank. */
  | { readable: false }
  | {
    readable: true
    status?: TaskStatus
    /** The artifacts' kinds, in order, when they are certain. */
    kinds?: readonly ArtifactKind[]
    /** Results positions that must come out as raw JSON. */
    rawAt?: readonly number[]
    /** The failure message the page must show. */
    errorMessage?: string
  }

export type BadInput = {
  /** What was done to a valid payload, as a person would say it. */
  name: string
  /** A fresh payload each call, so no test can change another's. */
  payload: (file?: FileUrl) => unknown
  expect: Expectation
}

const CDN: FileUrl = (name) => `https://cdn.foxapi.cc/output/${name}`

/**
 * A number JSON can carry but JavaScript cannot hold: `1e999` parses to Infinity. Payloads hold
 * this marker where the wire text has the literal; `bodyText` puts the literal back.
 */
export const OVERFLOW = '<<1e999>>'

/** The payload exactly as the upstream sends it. */
export function bodyText(input: BadInput, file: FileUrl = CDN): string {
  return (JSON.stringify(input.payload(file)) ?? 'null').replaceAll(`"${OVERFLOW}"`, '1e999')
}

type Json = Record<string, unknown>

// ── valid payloads, in the shapes of server/demo/scenarios.ts ───────────────────────────────

function task(fields: Json): Json {
  return {
    id: 'task-unified-1757165031-corpus01',
    object: 'image.generation.task',
    type: 'image',
    model: 'gemini-3.1-flash-image-preview',
    status: 'completed',
    progress: 100,
    created: 1_757_165_031,
    results: null,
    error: null,
    usage: { credits_reserved: 2, user_group: 'default' },
    ...fields,
  }
}

const imageResult = (file: FileUrl, name = 'image-1.png'): Json => ({ url: file(name), content_type: 'image/png', width: 512, height: 512 })

const valid = {
  image: (file: FileUrl) => task({ results: [imageResult(file), imageResult(file, 'image-2.png')] }),
  video: (file: FileUrl) => task({
    object: 'video.generation.task', type: 'video', model: 'seedance-2.0-text-to-video',
    results: [{ url: file('video.mp4'), seed: 1947203311, content_type: 'video/mp4', width: 480, height: 270, duration: 4 }],
  }),
  audio: (file: FileUrl) => task({
    object: 'audio.generation.task', type: 'audio', model: 'eleven-multilingual-v2',
    results: [{ url: file('tts.mp3'), content_type: 'audio/mpeg', duration: 4.6 }],
  }),
  chat: () => task({
    object: 'llm.generation.task', type: 'llm', model: 'gpt-5.1-mini',
    results: [{
      id: 'chatcmpl-corpus', object: 'chat.completion', created: 1_764_100_000, model: 'gpt-5.1-mini',
      choices: [{
        index: 0,
        message: {
          role: 'assistant',
          content: 'Poll `GET /v1/tasks/{id}` until the status **settles**.',
          reasoning_content: 'Explain the statuses.',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
        },
        finish_reason: 'stop',
      }],
      usage: { prompt_tokens: 42, completion_tokens: 187, total_tokens: 229 },
    }],
  }),
  transcript: () => task({
    object: 'audio.generation.task', type: 'audio', model: 'scribe-v2',
    results: [{ text: 'Hello there (laughter)', language_code: 'en', language_probability: 0.98, words: sampleWords() }],
  }),
  pbr: (file: FileUrl) => task({
    model: 'patina-pbr-maps',
    results: ['basecolor', 'normal'].map((mapType) => ({ url: file(`pbr-${mapType}.png`), content_type: 'image/png', result_type: 'pbr_map', map_type: mapType })),
  }),
  material: (file: FileUrl) => task({
    model: 'patina-material',
    results: [
      { url: file('material-texture.jpg'), content_type: 'image/jpeg', result_type: 'texture' },
      { url: file('pbr-normal.png'), content_type: 'image/png', result_type: 'pbr_map', map_type: 'normal' },
    ],
  }),
  voiceClone: (file: FileUrl) => task({
    object: 'audio.generation.task', type: 'audio', model: 'minimax-voice-clone',
    results: [{ voice_id: 'foxwatch_corpus_voice', url: file('voice-preview.mp3'), content_type: 'audio/mpeg' }],
  }),
  klingVoice: () => task({ object: 'video.generation.task', type: 'video', model: 'kling-video-create-voice', results: [{ voice_id: '829410375520931841' }] }),
  soraCharacter: () => task({
    object: 'video.generation.task', type: 'video', model: 'sora-2-character',
    results: [{ character_id: 'char_6924b1f0e3a4819c', name: 'Captain Fox' }],
  }),
  photaProfile: () => task({ model: 'phota-create-profile', results: [{ result_type: 'profile', profile_id: 'prof_01KAXR7M3FQ2' }] }),
  failed: () => task({
    object: 'video.generation.task', type: 'video', model: 'seedance-2.0-image-to-video', status: 'failed', progress: 30,
    error: { code: 'generation_failed', message: 'The input image is smaller than 300x300 pixels.', type: 'task_error' },
  }),
  legacy: (file: FileUrl) => ({
    status: 'completed', type: 'image', model: 'flux-2-pro',
    output: { url: file('image-2.png'), urls: [file('image-2.png'), file('image-3.png')], width: 512, height: 512 },
  }),
  processing: () => task({ status: 'processing', progress: 40, task_info: { can_cancel: false, estimated_time: 90 } }),
} satisfies Record<string, (file: FileUrl) => Json>

function sampleWords(): Json[] {
  return [
    { text: 'Hello', start: 0.1, end: 0.5, type: 'word', speaker_id: 'speaker_0', logprob: -0.12 },
    { text: ' ', start: 0.5, end: 0.6, type: 'spacing', speaker_id: 'speaker_0' },
    { text: 'there', start: 0.6, end: 1.0, type: 'word', speaker_id: 'speaker_1' },
    { text: ' ', start: 1.0, end: 1.1, type: 'spacing', speaker_id: 'speaker_1' },
    { text: '(laughter)', start: 1.2, end: 2, type: 'audio_event', speaker_id: 'speaker_1' },
  ]
}

/** An hour and more of two people talking: `count` words, each with its spacing. */
function longTranscript(count: number): Json {
  const vocabulary = ['the', 'task', 'is', 'still', 'processing', 'so', 'we', 'wait', 'and', 'poll', 'again', 'later']
  const words: Json[] = []
  const text: string[] = []
  for (let i = 0; i < count; i++) {
    const word = vocabulary[i % vocabulary.length] ?? 'word'
    const speaker = `speaker_${Math.floor(i / 25) % 2}`
    const start = i * 0.4
    words.push({ text: word, start, end: start + 0.3, type: 'word', speaker_id: speaker, logprob: -0.1 })
    words.push({ text: ' ', start: start + 0.3, end: start + 0.4, type: 'spacing', speaker_id: speaker })
    text.push(word)
  }
  return { text: text.join(' '), language_code: 'en', language_probability: 0.99, words }
}

// ── ways of breaking them ───────────────────────────────────────────────────────────────────

/** The payload with `key` set to `value`, or removed when `value` is `MISSING`. */
const MISSING = Symbol('missing')
type Value = unknown

function setPath(payload: unknown, path: ReadonlyArray<string | number>, value: Value): unknown {
  const [head, ...rest] = path
  if (head === undefined) return value
  if (Array.isArray(payload) && typeof head === 'number') {
    const copy = [...payload]
    copy[head] = setPath(copy[head], rest, value)
    return copy
  }
  if (typeof payload === 'object' && payload !== null) {
    const key = String(head)
    const entries = Object.entries(payload)
    if (rest.length === 0 && value === MISSING) return Object.fromEntries(entries.filter(([name]) => name !== key))
    return { ...Object.fromEntries(entries), [key]: setPath(Reflect.get(payload, key), rest, value) }
  }
  return payload
}

/** Values of every JSON type but the field's own, and null, and nothing at all. */
const WRONG_TYPED: ReadonlyArray<[string, Value]> = [
  ['missing', MISSING],
  ['null', null],
  ['a number', 42],
  ['a string', 'surprise'],
  ['true', true],
  ['an empty array', []],
  ['an empty object', {}],
]

const cases: BadInput[] = []

function add(name: string, payload: (file: FileUrl) => unknown, expect: Expectation = { readable: true }) {
  cases.push({ name, payload: (file = CDN) => payload(file), expect })
}

function mutate(name: string, base: (file: FileUrl) => Json, path: ReadonlyArray<string | number>, value: Value, expect?: Expectation) {
  add(name, (file) => setPath(base(file), path, value), expect)
}

// The task's own fields, each broken every way. The status alone makes a task: without a string
// there, the answer is not one; every other field may be missing or odd and the task still shows.
for (const [how, value] of WRONG_TYPED) {
  const status: Expectation = how === 'missing' || typeof value !== 'string' ? { readable: false } : { readable: true, status: 'unknown' }
  mutate(`status is ${how}`, valid.image, ['status'], value, status)
}
for (const field of ['id', 'object', 'type', 'model', 'progress', 'created', 'usage', 'task_info', 'error']) {
  for (const [how, value] of WRONG_TYPED) {
    mutate(`${field} is ${how}`, valid.image, [field], value, { readable: true, status: 'completed', kinds: ['image', 'image'] })
  }
}
for (const [how, value] of WRONG_TYPED) {
  // Whatever stands where the results array should, it is shown: as results when it is one
  // result object, as raw JSON otherwise. Only "nothing" (missing, null, []) shows nothing.
  const nothing = how === 'missing' || how === 'null' || how === 'an empty array'
  mutate(`results is ${how}`, valid.image, ['results'], value, {
    readable: true, status: 'completed', kinds: nothing ? [] : ['raw'], ...(nothing ? {} : { rawAt: [0] }),
  })
}
mutate('results is one image object instead of an array', valid.image, ['results'], { url: CDN('image-1.png'), content_type: 'image/png' },
  { readable: true, kinds: ['image'] })
for (const [how, value] of WRONG_TYPED) {
  // The older shape's output: a wrong-typed one holds nothing to show but itself.
  const nothing = how === 'missing' || how === 'null' || how === 'an empty array' || how === 'an empty object'
  mutate(`the older output is ${how}`, valid.legacy, ['output'], value, {
    readable: true, status: 'completed', kinds: nothing ? [] : ['raw'],
  })
}

// Not a task at all.
for (const [how, body] of [['null', () => null], ['a number', () => 42], ['a string', () => 'completed'], ['an array of tasks', () => [task({})]], ['an empty object', () => ({})]] as const) {
  add(`the body is ${how}`, body, { readable: false })
}

// Unknown models, types and statuses, and spellings of known ones.
for (const status of ['exploded', '', 'COMPLETED', ' completed ', 'toString', '__proto__', 'constructor', 'x'.repeat(10_000)]) {
  const known = status.trim().toLowerCase() === 'completed'
  mutate(`status is ${JSON.stringify(status.slice(0, 20))}${status.length > 20 ? ` (${status.length} characters)` : ''}`, valid.image, ['status'], status,
    { readable: true, status: known ? 'completed' : 'unknown' })
}
for (const type of ['hologram', 'constructor', 'IMAGE', '']) {
  mutate(`type is ${JSON.stringify(type)}`, valid.image, ['type'], type, { readable: true, status: 'completed' })
}
for (const model of ['holo-mesh-0.1', '', 'm'.repeat(10_000)]) {
  mutate(`model is ${model.length > 20 ? `${model.length} characters` : JSON.stringify(model)}`, valid.klingVoice, ['model'], model,
    { readable: true, kinds: ['profile-id'] })
}
add('an unknown type with an unknown result shape', () => task({
  type: 'hologram', object: 'hologram.generation.task', model: 'holo-mesh-0.1',
  results: [{ mesh: { format: 'glb', vertices: 20480 }, tags: ['fox'] }],
}), { readable: true, kinds: ['raw'], rawAt: [0] })

// Numbers out of range, of the wrong sign, and beyond what JavaScript holds.
for (const [field, value] of [
  ['progress', -5], ['progress', 150], ['progress', 1e308], ['progress', OVERFLOW], ['progress', '50'],
  ['created', -1], ['created', 1e308], ['created', 1e13], ['created', OVERFLOW], ['created', 'yesterday'],
] as const) {
  mutate(`${field} is ${value}`, valid.processing, [field], value, { readable: true, status: 'processing' })
}
for (const estimate of [-90, 1e308, OVERFLOW, 'soon']) {
  mutate(`task_info.estimated_time is ${estimate}`, valid.processing, ['task_info', 'estimated_time'], estimate, { readable: true, status: 'processing' })
}
for (const credits of ['5', -5, OVERFLOW, { amount: 5 }]) {
  mutate(`usage.credits_reserved is ${JSON.stringify(credits)}`, valid.image, ['usage', 'credits_reserved'], credits, { readable: true, kinds: ['image', 'image'] })
}

// Strangers at every level.
const STRANGER = { shiny_new_field: { nested: [1, { deeper: null }] }, __proto__field: true }
mutate('extra fields on the task', valid.image, ['shiny_new_field'], STRANGER, { readable: true, kinds: ['image', 'image'] })
mutate('extra fields on an image result', valid.image, ['results', 0, 'thumbnails'], STRANGER, { readable: true, kinds: ['image', 'image'] })
mutate('extra fields on a chat message', valid.chat, ['results', 0, 'choices', 0, 'message', 'audio'], STRANGER, { readable: true, kinds: ['chat'] })
mutate('extra fields on a transcript word', valid.transcript, ['results', 0, 'words', 0, 'emotion'], STRANGER, { readable: true, kinds: ['transcript'] })
mutate('extra fields on the error', valid.failed, ['error', 'details'], STRANGER, { readable: true, status: 'failed' })
add('a "__proto__" key in the task', () => JSON.parse('{"__proto__":{"status":"completed","polluted":true},"status":"pending"}'),
  { readable: true, status: 'pending' })
add('a "__proto__" key and no status', () => JSON.parse('{"__proto__":{"status":"completed"}}'), { readable: false })
add('a "constructor" key in a result', () => task({ results: [JSON.parse('{"constructor":{"prototype":{"polluted":true}},"url":5}')] }),
  { readable: true, kinds: ['raw'], rawAt: [0] })

// The results array: empty, huge, and holding things that are not results.
add('a completed task with an empty results array', () => task({ results: [] }), { readable: true, status: 'completed', kinds: [] })
add('10,000 image results', (file) => task({ results: Array.from({ length: 10_000 }, (_, i) => imageResult(file, `image-${(i % 3) + 1}.png`)) }),
  { readable: true, status: 'completed' })
add('10,000 results of an unknown shape', () => task({ type: 'hologram', results: Array.from({ length: 10_000 }, (_, i) => ({ mesh: i })) }),
  { readable: true, status: 'completed' })
for (const [how, item] of [
  ['null', null], ['a number', 42], ['a string URL', CDN('image-1.png')], ['true', true],
  ['a nested array', [[imageResult(CDN)]]], ['an empty object', {}],
] as const) {
  add(`a result that is ${how}`, () => task({ results: [item] }), { readable: true, kinds: ['raw'], rawAt: [0] })
}
add('good results mixed with broken ones', (file) => task({ results: [imageResult(file), null, 'x', imageResult(file, 'image-2.png'), [1]] }),
  { readable: true, kinds: ['image', 'raw', 'raw', 'image', 'raw'], rawAt: [1, 2, 4] })

// A URL result's fields.
for (const [how, value] of WRONG_TYPED) {
  mutate(`an image result's url is ${how}`, valid.image, ['results', 0, 'url'], value, { readable: true, kinds: ['raw', 'image'], rawAt: [0] })
}
for (const url of ['', 'not a url', '/output/image-1.png', 'cdn.foxapi.cc/output/image-1.png', 'https://']) {
  mutate(`an image result's url is ${JSON.stringify(url)}`, valid.image, ['results', 0, 'url'], url, { readable: true, kinds: ['raw', 'image'], rawAt: [0] })
}
for (const [field, value] of [['content_type', 42], ['content_type', 'application/x-hologram'], ['width', '512'], ['width', -512], ['height', 1e308], ['height', OVERFLOW]] as const) {
  mutate(`an image result's ${field} is ${JSON.stringify(value)}`, valid.image, ['results', 0, field], value, { readable: true, kinds: ['image', 'image'] })
}
for (const [field, value] of [['duration', -4], ['duration', OVERFLOW], ['seed', { value: 1 }], ['seed', 1e308]] as const) {
  mutate(`a video result's ${field} is ${JSON.stringify(value)}`, valid.video, ['results', 0, field], value, { readable: true, kinds: ['video'] })
}
mutate("an audio result's duration is a string", valid.audio, ['results', 0, 'duration'], '4.6 s', { readable: true, kinds: ['audio'] })
for (const [how, mapType] of [['a number', 7], ['empty', ''], ['unknown', 'sheen'], ['null', null]] as const) {
  mutate(`a PBR map's map_type is ${how}`, valid.pbr, ['results', 1, 'map_type'], mapType, { readable: true, kinds: ['pbr-map', 'pbr-map'] })
}
mutate('a PBR map without its url', valid.pbr, ['results', 0, 'url'], MISSING, { readable: true, kinds: ['raw', 'pbr-map'], rawAt: [0] })
mutate("a texture's result_type is unknown", valid.material, ['results', 0, 'result_type'], 'sheen', { readable: true, kinds: ['image', 'pbr-map'] })

// The older output shape.
mutate("the older output's urls hold non-strings", valid.legacy, ['output', 'urls'], [42, null, { url: 'x' }, CDN('image-3.png')],
  { readable: true, kinds: ['image', 'image'] })
mutate("the older output's url is an object", valid.legacy, ['output', 'url'], { href: CDN('image-1.png') }, { readable: true, kinds: ['image', 'image'] })

// Chat completions.
for (const [how, value] of WRONG_TYPED) {
  mutate(`a chat completion's choices is ${how}`, valid.chat, ['results', 0, 'choices'], value, { readable: true, kinds: ['raw'], rawAt: [0] })
}
for (const [how, value] of [['null', null], ['an empty object', {}], ['a string', 'hi']] as const) {
  mutate(`a chat choice is ${how}`, valid.chat, ['results', 0, 'choices', 0], value, { readable: true, kinds: ['raw'], rawAt: [0] })
}
for (const [field, value] of [['content', 42], ['content', null], ['content', [{ type: 'text', text: 'parts' }]], ['role', 7], ['tool_calls', 'x'], ['tool_calls', [{ function: null }]], ['tool_calls', [{ function: { name: 5 } }]], ['reasoning_content', { steps: [] }]] as const) {
  mutate(`a chat message's ${field} is ${JSON.stringify(value)}`, valid.chat, ['results', 0, 'choices', 0, 'message', field], value, { readable: true, kinds: ['chat'] })
}
mutate('a chat completion whose usage is a string', valid.chat, ['results', 0, 'usage'], 'lots', { readable: true, kinds: ['chat'] })
mutate('a chat completion whose token counts are strings', valid.chat, ['results', 0, 'usage'], { prompt_tokens: '42', total_tokens: null }, { readable: true, kinds: ['chat'] })
mutate('a chat answer of a megabyte', valid.chat, ['results', 0, 'choices', 0, 'message', 'content'], `${'All work and no play. '.repeat(48_000)}`, { readable: true, kinds: ['chat'] })
add('an llm task whose result is an image', (file) => task({ type: 'llm', object: 'llm.generation.task', results: [imageResult(file)] }),
  { readable: true, kinds: ['raw'], rawAt: [0] })
add('a bare message whose message is a string', () => task({ type: 'llm', results: [{ message: 'Hi.' }] }), { readable: true, kinds: ['raw'], rawAt: [0] })

// Transcripts.
for (const [how, value] of [['null', null], ['a string', 'Hello there'], ['a number', 3], ['an object', { 0: { text: 'Hi' } }]] as const) {
  mutate(`a transcript's words is ${how}`, valid.transcript, ['results', 0, 'words'], value, { readable: true, kinds: ['raw'], rawAt: [0] })
}
for (const [how, value] of [['missing', MISSING], ['null', null], ['a number', 7]] as const) {
  mutate(`a transcript's text is ${how}`, valid.transcript, ['results', 0, 'text'], value, { readable: true, kinds: ['raw'], rawAt: [0] })
}
mutate('a transcript with no words', valid.transcript, ['results', 0, 'words'], [], { readable: true, kinds: ['transcript'] })
mutate('a transcript whose words are all broken', valid.transcript, ['results', 0, 'words'], [null, 42, 'word', [], { start: 1 }, { text: 5 }],
  { readable: true, kinds: ['transcript'] })
for (const [how, start, end] of [
  ['null times', null, null],
  ['negative times', -3, -1],
  ['reversed times', 5, 1],
  ['NaN-ish times', 'NaN', 'Infinity'],
  ['times beyond a double', OVERFLOW, OVERFLOW],
  ['times of 1e308 seconds', 1e308, 1e308],
  ['only a start', 1.5, MISSING],
] as const) {
  add(`transcript words with ${how}`, () => setPath(valid.transcript(), ['results', 0, 'words'], sampleWords().map((word) => {
    const timed = setPath(word, ['start'], start)
    return setPath(timed, ['end'], end)
  })), { readable: true, kinds: ['transcript'] })
}
for (const [field, value] of [['speaker_id', 42], ['type', 'music'], ['type', null], ['logprob', 'high'], ['text', '']] as const) {
  mutate(`a transcript word's ${field} is ${JSON.stringify(value)}`, valid.transcript, ['results', 0, 'words', 0, field], value, { readable: true, kinds: ['transcript'] })
}
mutate("a transcript's language_probability is a string", valid.transcript, ['results', 0, 'language_probability'], 'high', { readable: true, kinds: ['transcript'] })
add('a 100,000-word transcript', () => task({ type: 'audio', model: 'scribe-v2', results: [longTranscript(100_000)] }),
  { readable: true, status: 'completed', kinds: ['transcript'] })

// Reusable IDs.
for (const [field, value, kinds] of [
  ['voice_id', 829410375, ['profile-id']],
  ['voice_id', null, ['raw']],
  ['voice_id', '', ['raw']],
  ['voice_id', { id: 'v1' }, ['raw']],
] as const) {
  mutate(`a Kling voice_id is ${JSON.stringify(value)}`, valid.klingVoice, ['results', 0, field], value, { readable: true, kinds })
}
mutate('a Sora character_id is a number', valid.soraCharacter, ['results', 0, 'character_id'], 6924, { readable: true, kinds: ['raw'], rawAt: [0] })
mutate("a Sora character's name is an object", valid.soraCharacter, ['results', 0, 'name'], { first: 'Captain' }, { readable: true, kinds: ['profile-id'] })
mutate('a PHOTA profile_id is missing', valid.photaProfile, ['results', 0, 'profile_id'], MISSING, { readable: true, kinds: ['raw'], rawAt: [0] })
mutate("a voice clone's preview url is a number", valid.voiceClone, ['results', 0, 'url'], 7, { readable: true, kinds: ['profile-id', 'raw'], rawAt: [0] })

// Errors of odd shapes.
// Whatever foxapi said about a failure is shown, in whatever shape it came.
for (const [how, error, errorMessage] of [
  ['a string', 'The input image is too small.', 'The input image is too small.'],
  ['a number', 500, '500'],
  ['an array', [{ message: 'first' }, { message: 'second' }], '[{"message":"first"},{"message":"second"}]'],
  ['an empty object', {}, undefined],
  ['a numeric code and no message', { code: 500 }, undefined],
  ['an object as its code', { code: { value: 'generation_failed' }, message: 'Too small.' }, 'Too small.'],
  ['an object as its message', { code: 'generation_failed', message: { detail: 'Too small.' } }, '{"detail":"Too small."}'],
  ['a message of 100,000 characters', { code: 'generation_failed', message: 'Too small. '.repeat(9_091) }, 'Too small. '.repeat(9_091)],
] as const) {
  mutate(`the error is ${how}`, valid.failed, ['error'], error, {
    readable: true, status: 'failed', kinds: [], ...(errorMessage === undefined ? {} : { errorMessage }),
  })
}
mutate('a failed task with results', valid.failed, ['results'], [{ url: CDN('image-1.png') }], { readable: true, status: 'failed', kinds: ['video'] })
mutate('a completed task with an error', valid.image, ['error'], { code: 'warning', message: 'Half done.' }, { readable: true, status: 'completed', kinds: ['image', 'image'] })
mutate('a pending task with results', valid.image, ['status'], 'pending', { readable: true, status: 'pending' })

export const badInputs: readonly BadInput[] = cases

/** How many payloads the corpus tries, for docs/reliability.md. */
export const BAD_INPUT_COUNT = badInputs.length
