// Turns a parsed foxapi task into a TaskView: the only place result shapes are told apart.
import { stringifyJson } from './deep-json'
import {
  BareMessage,
  ChatCompletion,
  IdResult,
  RawOutput,
  RawTaskError,
  TranscriptResult,
  UrlResult,
  type ChatMessage,
  type RawTask,
} from './task-schema'
import type { Artifact, ChatChoice, ProfileIdArtifact, TaskStatus, TaskType, TaskView } from './task-view'

const STATUSES = {
  pending: 'pending',
  processing: 'processing',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  // Spellings other foxapi pages and providers use for the same states.
  canceled: 'cancelled',
  queued: 'pending',
  running: 'processing',
  in_progress: 'processing',
  succeeded: 'completed',
  success: 'completed',
  error: 'failed',
} as const satisfies Record<string, Exclude<TaskStatus, 'unknown'>>

const TYPES = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  llm: 'llm',
  text: 'llm',
} as const satisfies Record<string, Exclude<TaskType, 'unknown'>>

function lookup<T extends string>(table: Record<string, T>, value: string | undefined): T | undefined {
  if (value === undefined) return undefined
  const key = value.trim().toLowerCase()
  return Object.hasOwn(table, key) ? table[key] : undefined
}

export function normalizeTask(raw: RawTask, requestedId: string, original: unknown = raw): TaskView {
  const status = lookup(STATUSES, raw.status) ?? 'unknown'
  const type = lookup(TYPES, raw.type) ?? typeFromObject(raw.object) ?? 'unknown'
  const progress = status === 'completed' ? 100 : raw.progress === undefined ? undefined : clamp(Math.round(raw.progress), 0, 100)
  const credits = raw.usage?.['credits_reserved']
  return {
    id: raw.id ?? requestedId,
    model: raw.model,
    type,
    rawType: type === 'unknown' ? raw.type : undefined,
    status,
    rawStatus: status === 'unknown' ? raw.status : undefined,
    progress,
    createdAt: createdAtOf(raw.created),
    estimatedSeconds: raw.task_info?.estimated_time !== undefined && raw.task_info.estimated_time >= 0 ? raw.task_info.estimated_time : undefined,
    error: errorOf(raw.error),
    creditsReserved: typeof credits === 'number' && Number.isFinite(credits) ? credits : undefined,
    usage: raw.usage,
    artifacts: artifactsOf(raw, type),
    raw: original,
  }
}

function typeFromObject(object: string | undefined): TaskType | undefined {
  const prefix = object?.split('.')[0]
  return lookup(TYPES, prefix)
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

/**
 * Milliseconds for `created` (Unix seconds), when it is a date the page can print: a year past
 * 275,760 makes `toISOString` throw, and one bad field must not take the page down.
 */
function createdAtOf(seconds: number | undefined): number | undefined {
  if (seconds === undefined || seconds <= 0) return undefined
  const ms = seconds * 1000
  return Number.isNaN(new Date(ms).getTime()) ? undefined : ms
}

/** A failed task's code and message. An error of another shape is shown as its text, not lost. */
function errorOf(sent: unknown): TaskView['error'] {
  const parsed = RawTaskError.safeParse(sent)
  if (!parsed.success) {
    const text = textOf(sent)
    return text === undefined ? undefined : { code: undefined, message: text }
  }
  // A message that is not a string (an object of details, say) is still what foxapi said.
  const message = parsed.data.message ?? textOf(typeof sent === 'object' && sent !== null ? Reflect.get(sent, 'message') : undefined)
  return parsed.data.code === undefined && message === undefined ? undefined : { code: parsed.data.code, message }
}

/** A sent value as a person can read it: a string as it is, anything else as JSON, emptiness as nothing. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  // Any depth: an error nested past JSON.stringify's reach is still what foxapi said.
  const json = stringifyJson(value)
  return json === '[]' || json === '{}' ? undefined : json
}

function artifactsOf(raw: RawTask, type: TaskType): Artifact[] {
  const model = raw.model ?? ''
  if (Array.isArray(raw.results) && raw.results.length > 0) {
    return raw.results.flatMap((item, index) => toArtifacts(item, index, model, type))
  }
  // One result object where the array belongs is read as that result; a string or a number there
  // is shown as sent. Only nothing (absent, null, []) shows nothing.
  if (raw.results !== undefined && raw.results !== null && !Array.isArray(raw.results)) {
    return toArtifacts(raw.results, 0, model, type)
  }
  return outputArtifacts(raw.output, type)
}

/** The older docs' `output{url, urls}` shape; an output of any other shape is shown as sent. */
function outputArtifacts(output: unknown, type: TaskType): Artifact[] {
  if (output === undefined || output === null || (Array.isArray(output) && output.length === 0)) return []
  const parsed = RawOutput.safeParse(output)
  if (!parsed.success) return [{ kind: 'raw', index: 0, value: output }]
  const { url, urls = [], width, height, duration } = parsed.data
  const links = [...new Set([...urls, ...(url ? [url] : [])])]
  if (links.length === 0) return Object.keys(output).length > 0 ? [{ kind: 'raw', index: 0, value: output }] : []
  return links.flatMap((link, index) => toArtifacts({ url: link, width, height, duration }, index, '', type))
}

/** One result item: usually one artifact; a voice clone with a preview is an ID and an audio. */
export function toArtifacts(item: unknown, index: number, model: string, type: TaskType): Artifact[] {
  const raw: Artifact = { kind: 'raw', index, value: item }
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return [raw]

  if (type === 'llm' || 'choices' in item || 'message' in item) {
    return [chatArtifact(item, index) ?? raw]
  }
  if ('words' in item) {
    const transcript = TranscriptResult.safeParse(item)
    return transcript.success ? [{
      kind: 'transcript',
      index,
      text: transcript.data.text,
      languageCode: transcript.data.language_code,
      languageProbability: transcript.data.language_probability,
      words: transcript.data.words.map((w) => ({
        text: w.text,
        start: w.start ?? null,
        end: w.end ?? null,
        type: w.type ?? 'word',
        speaker: w.speaker_id,
        logprob: w.logprob,
      })),
    }] : [raw]
  }

  const ids = profileId(item, index, model)
  const located = urlArtifact(item, index, type)
  if (!ids) return [located ?? raw]
  // An ID with a link that cannot be shown (not a web address, say): the item is shown as sent too.
  return located || !('url' in item) ? [ids, ...(located ? [located] : [])] : [ids, raw]
}

function chatArtifact(item: object, index: number): Artifact | undefined {
  const completion = ChatCompletion.safeParse(item)
  if (completion.success) {
    const usage = completion.data.usage
    return {
      kind: 'chat',
      index,
      model: completion.data.model,
      choices: completion.data.choices.map((c, position) => toChoice(c.message, c.index ?? position, c.finish_reason)),
      usage: usage && { prompt: usage.prompt_tokens, completion: usage.completion_tokens, total: usage.total_tokens },
    }
  }
  const bare = BareMessage.safeParse(item)
  if (bare.success) {
    return { kind: 'chat', index, model: undefined, choices: [toChoice(bare.data.message, 0, bare.data.finish_reason)], usage: undefined }
  }
  return undefined
}

function toChoice(message: ChatMessage, index: number, finishReason: string | undefined): ChatChoice {
  return {
    index,
    role: message.role ?? 'assistant',
    content: message.content ?? '',
    reasoning: message.reasoning_content,
    toolCalls: (message.tool_calls ?? []).map((call) => ({ name: call.function.name, arguments: call.function.arguments ?? '' })),
    finishReason,
  }
}

function profileId(item: object, index: number, model: string): ProfileIdArtifact | undefined {
  const parsed = IdResult.safeParse(item)
  if (!parsed.success) return undefined
  const { voice_id, character_id, profile_id, name } = parsed.data
  const base = { kind: 'profile-id', index, name } as const
  if (profile_id) return { ...base, idKind: 'phota-profile', field: 'profile_id', id: profile_id }
  if (character_id) return { ...base, idKind: 'sora-character', field: 'character_id', id: character_id }
  if (voice_id) {
    const idKind = model.startsWith('kling') ? 'kling-voice' : model.startsWith('minimax') ? 'minimax-voice' : 'voice'
    return { ...base, idKind, field: 'voice_id', id: voice_id }
  }
  return undefined
}

type MediaKind = 'image' | 'video' | 'audio'

const EXTENSIONS = {
  png: 'image', jpg: 'image', jpeg: 'image', webp: 'image', gif: 'image', avif: 'image', bmp: 'image',
  mp4: 'video', webm: 'video', mov: 'video', m4v: 'video', mkv: 'video',
  mp3: 'audio', wav: 'audio', ogg: 'audio', oga: 'audio', opus: 'audio', m4a: 'audio', aac: 'audio', flac: 'audio',
} as const satisfies Record<string, MediaKind>

function mediaKind(url: string, contentType: string | undefined, type: TaskType): MediaKind | undefined {
  const major = contentType?.split('/')[0]?.trim().toLowerCase()
  if (major === 'image' || major === 'video' || major === 'audio') return major
  if (type === 'image' || type === 'video' || type === 'audio') return type
  let path = url
  try {
    path = new URL(url).pathname
  } catch {
    // Not absolute: read the extension off the text itself.
  }
  return lookup(EXTENSIONS, path.split('.').pop())
}

/** The fields of a result item that some part of foxwatch reads; any other is shown as sent. */
const READ_FIELDS = new Set(['url', 'content_type', 'width', 'height', 'duration', 'seed', 'result_type', 'map_type', 'voice_id', 'character_id', 'profile_id', 'name'])

/** An item's fields nobody reads, or nothing when it has none. */
function extraFields(item: object): { extra?: Record<string, unknown> } {
  const extra = Object.fromEntries(Object.entries(item).filter(([key]) => !READ_FIELDS.has(key)))
  return Object.keys(extra).length > 0 ? { extra } : {}
}

function urlArtifact(item: object, index: number, type: TaskType): Artifact | undefined {
  const parsed = UrlResult.safeParse(item)
  if (!parsed.success) return undefined
  const r = parsed.data
  // Only web links ever reach an src or href: javascript:, data: and the like stay raw JSON.
  if (!isWebUrl(r.url)) return undefined
  const located = { index, url: r.url, contentType: r.content_type, ...extraFields(item) }
  if (r.result_type === 'pbr_map') return { ...located, kind: 'pbr-map', mapType: r.map_type?.trim() || 'unlabelled' }
  if (r.result_type === 'texture') return { ...located, kind: 'texture' }
  switch (mediaKind(r.url, r.content_type, type)) {
    case 'image':
      return { ...located, kind: 'image', width: r.width, height: r.height }
    case 'video':
      return {
        ...located, kind: 'video', width: r.width, height: r.height, duration: r.duration,
        seed: r.seed === undefined ? undefined : String(r.seed),
      }
    case 'audio':
      return { ...located, kind: 'audio', duration: r.duration }
    case undefined:
      return undefined
  }
}

export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}
