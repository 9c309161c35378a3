// What the page works with: a task normalised once, its results as a closed union of artifacts.

export type TaskStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled' | 'unknown'
export type TaskType = 'image' | 'video' | 'audio' | 'llm' | 'unknown'

type Located = {
  /** Position in the task's results, from 0. */
  index: number
  url: string
  contentType: string | undefined
  /** The item's fields foxwatch does not read, as sent, when it has any: shown beside the preview. */
  extra?: Record<string, unknown>
}

export type ImageArtifact = Located & { kind: 'image'; width: number | undefined; height: number | undefined }
export type VideoArtifact = Located & {
  kind: 'video'
  width: number | undefined
  height: number | undefined
  duration: number | undefined
  seed: string | undefined
}
export type AudioArtifact = Located & { kind: 'audio'; duration: number | undefined }
export type PbrMapArtifact = Located & { kind: 'pbr-map'; mapType: string }
export type TextureArtifact = Located & { kind: 'texture' }

export type ChatChoice = {
  index: number
  role: string
  content: string
  reasoning: string | undefined
  toolCalls: Array<{ name: string; arguments: string }>
  finishReason: string | undefined
}
export type ChatArtifact = {
  kind: 'chat'
  index: number
  model: string | undefined
  choices: ChatChoice[]
  usage: { prompt: number | undefined; completion: number | undefined; total: number | undefined } | undefined
}

export type Word = {
  text: string
  start: number | null
  end: number | null
  /** `word`, `spacing`, `audio_event`, or whatever else the provider sends. */
  type: string
  speaker: string | undefined
  logprob: number | undefined
}
export type TranscriptArtifact = {
  kind: 'transcript'
  index: number
  text: string
  languageCode: string | undefined
  languageProbability: number | undefined
  words: Word[]
}

export type ProfileIdKind = 'kling-voice' | 'minimax-voice' | 'voice' | 'sora-character' | 'phota-profile'
export type ProfileIdArtifact = {
  kind: 'profile-id'
  index: number
  idKind: ProfileIdKind
  /** The request field the ID goes into in a later task. */
  field: 'voice_id' | 'character_id' | 'profile_id'
  id: string
  name: string | undefined
}

export type RawArtifact = { kind: 'raw'; index: number; value: unknown }

export type Artifact =
  | ImageArtifact
  | VideoArtifact
  | AudioArtifact
  | ChatArtifact
  | TranscriptArtifact
  | PbrMapArtifact
  | TextureArtifact
  | ProfileIdArtifact
  | RawArtifact

export type ArtifactKind = Artifact['kind']
export type UrlArtifact = Extract<Artifact, { url: string }>

export type TaskView = {
  id: string
  model: string | undefined
  type: TaskType
  /** The type as sent, when it is not one foxwatch knows. */
  rawType: string | undefined
  status: TaskStatus
  /** The status as sent, when it is not one foxwatch knows. */
  rawStatus: string | undefined
  /** 0 to 100, or undefined when not sent. */
  progress: number | undefined
  /** Milliseconds since the epoch. */
  createdAt: number | undefined
  estimatedSeconds: number | undefined
  error: { code: string | undefined; message: string | undefined } | undefined
  creditsReserved: number | undefined
  usage: Record<string, unknown> | undefined
  artifacts: Artifact[]
  /** The response exactly as received, for the raw view and for saving. */
  raw: unknown
}

export function hasUrl(artifact: Artifact): artifact is UrlArtifact {
  return 'url' in artifact
}
