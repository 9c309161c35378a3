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
export const RawErrorBody = z.looseObject({
  error: z.looseObject({
    message: lenient(z.string()),
    type: lenient(z.string()),
    code: lenient(z.unknown()),
  }),
})
export type RawErrorBody = z.infer<typeof RawErrorBody>

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

/**
 * `TranscriptWord.safeParse` by hand. An hour of speech is tens of thousands of entries, and zod
 * takes tens of microseconds each; this takes well under one. A unit test holds the two to the
 * same answers.
 */
export function readTranscriptWord(value: unknown): TranscriptWord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const field = (key: string): unknown => Reflect.get(value, key)
  const text = field('text')
  if (typeof text !== 'string') return undefined
  const time = (key: string) => {
    const raw = field(key)
    return raw === null ? null : finiteOrUndefined(raw)
  }
  // Only the known fields: normalisation keeps no others, and copying every key costs.
  return {
    text,
    start: time('start'),
    end: time('end'),
    type: stringOrUndefined(field('type')),
    speaker_id: stringOrUndefined(field('speaker_id')),
    logprob: finiteOrUndefined(field('logprob')),
  }
}

export const TranscriptResult = z.looseObject({
  text: z.string(),
  language_code: lenient(z.string()),
  language_probability: lenient(finite),
  // One odd word must not lose the transcript: bad entries are dropped, not fatal.
  words: z.pipe(z.array(z.unknown()), z.transform((words: unknown[]) =>
    words.flatMap((word) => {
      const parsed = readTranscriptWord(word)
      return parsed ? [parsed] : []
    }))),
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
