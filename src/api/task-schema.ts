// The foxapi wire format, as tolerant zod schemas: unknown keys pass, a wrong-typed optional field
// becomes undefined instead of failing the whole task.
import { z } from 'zod/mini'

/** An optional field that falls back to undefined when it is missing, null or of the wrong type. */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined)

const finite = z.number().check(z.refine(Number.isFinite))

export const RawTaskError = z.looseObject({
  code: lenient(z.union([z.string(), z.pipe(finite, z.transform((n: number) => String(n)))])),
  message: lenient(z.string()),
  type: lenient(z.string()),
})
export type RawTaskError = z.infer<typeof RawTaskError>

export const RawOutput = z.looseObject({
  url: lenient(z.string()),
  urls: lenient(z.pipe(z.array(z.unknown()), z.transform((urls: unknown[]) => urls.filter((u): u is string => typeof u === 'string')))),
  width: lenient(finite),
  height: lenient(finite),
  duration: lenient(finite),
})
export type RawOutput = z.infer<typeof RawOutput>

export const RawTask = z.looseObject({
  // Without a status it is not a task; everything else may be missing or odd.
  status: z.string(),
  id: lenient(z.string()),
  object: lenient(z.string()),
  type: lenient(z.string()),
  model: lenient(z.string()),
  progress: lenient(finite),
  created: lenient(finite),
  // Whatever stands in these three is shown, if only as raw JSON, so they are read in
  // normalizeTask, where an odd shape can still become something on the page.
  results: z.optional(z.unknown()),
  output: z.optional(z.unknown()),
  error: z.optional(z.unknown()),
  usage: lenient(z.record(z.string(), z.unknown())),
  task_info: lenient(z.looseObject({
    can_cancel: lenient(z.boolean()),
    estimated_time: lenient(finite),
  })),
})
export type RawTask = z.infer<typeof RawTask>

/** foxapi's (and foxwatch's) body for a non-2xx answer. */

// ── results[i] shapes ──────────────────────────────────────────────────────────────────────────

export const UrlResult = z.looseObject({
  url: z.string(),
  content_type: lenient(z.string()),
  width: lenient(finite),
  height: lenient(finite),
  duration: lenient(finite),
  seed: lenient(z.union([finite, z.string()])),
  result_type: lenient(z.string()),
  map_type: lenient(z.string()),
})
export type UrlResult = z.infer<typeof UrlResult>

export const IdResult = z.looseObject({
  voice_id: lenient(z.union([z.string(), z.pipe(finite, z.transform((n: number) => String(n)))])),
  character_id: lenient(z.string()),
  profile_id: lenient(z.string()),
  name: lenient(z.string()),
  result_type: lenient(z.string()),
})
export type IdResult = z.infer<typeof IdResult>

export const TranscriptWord = z.looseObject({
  text: z.string(),
  start: lenient(z.nullable(finite)),
  end: lenient(z.nullable(finite)),
  type: lenient(z.string()),
  speaker_id: lenient(z.string()),
  logprob: lenient(finite),
})
export type TranscriptWord = z.infer<typeof TranscriptWord>

const finiteOrUndefined = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)
const stringOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined)
const timeOrUndefined = (value: unknown) => (value === null ? null : finiteOrUndefined(value))

/**
 * `TranscriptWord.safeParse` by hand. An hour of speech is tens of thousands of entries, and zod
 * takes tens of microseconds each; this takes well under one. A unit test holds the two to the
 * same answers.
 */
export function readTranscriptWord(value: unknown): TranscriptWord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const text: unknown = Reflect.get(value, 'text')
  if (typeof text !== 'string') return undefined
  // Only the known fields: normalisation keeps no others, and copying every key costs. No
  // closures or lookups by computed key: this runs for every word of an hour of speech.
  return {
    text,
    start: timeOrUndefined(Reflect.get(value, 'start')),
    end: timeOrUndefined(Reflect.get(value, 'end')),
    type: stringOrUndefined(Reflect.get(value, 'type')),
    speaker_id: stringOrUndefined(Reflect.get(value, 'speaker_id')),
    logprob: finiteOrUndefined(Reflect.get(value, 'logprob')),
  }
}

/** Every entry readTranscriptWord can read, in order; the rest are dropped. */
function readTranscriptWords(values: readonly unknown[]): TranscriptWord[] {
  const words: TranscriptWord[] = []
  for (const value of values) {
    const word = readTranscriptWord(value)
    if (word) words.push(word)
  }
  return words
}

export const TranscriptResult = z.looseObject({
  text: z.string(),
  language_code: lenient(z.string()),
  language_probability: lenient(finite),
  // One odd word must not lose the transcript: bad entries are dropped, not fatal. Checked as an
  // array without zod visiting each entry (tens of thousands), then read by hand.
  words: z.pipe(z.custom<readonly unknown[]>((value) => Array.isArray(value)), z.transform(readTranscriptWords)),
})
export type TranscriptResult = z.infer<typeof TranscriptResult>

const ToolCall = z.looseObject({
  id: lenient(z.string()),
  type: lenient(z.string()),
  function: z.looseObject({ name: z.string(), arguments: lenient(z.string()) }),
})

export const ChatMessage = z.looseObject({
  role: lenient(z.string()),
  content: lenient(z.string()),
  reasoning_content: lenient(z.string()),
  tool_calls: lenient(z.array(ToolCall)),
})
export type ChatMessage = z.infer<typeof ChatMessage>

export const ChatCompletion = z.looseObject({
  id: lenient(z.string()),
  model: lenient(z.string()),
  choices: z.array(z.looseObject({
    index: lenient(finite),
    message: ChatMessage,
    finish_reason: lenient(z.string()),
  })).check(z.minLength(1)),
  usage: lenient(z.looseObject({
    prompt_tokens: lenient(finite),
    completion_tokens: lenient(finite),
    total_tokens: lenient(finite),
  })),
})
export type ChatCompletion = z.infer<typeof ChatCompletion>

/** One docs page words an llm result as `results[0].message.content`. */
export const BareMessage = z.looseObject({ message: ChatMessage, finish_reason: lenient(z.string()) })
