import type { ProfileIdArtifact as ProfileId, ProfileIdKind } from '../../api/task-view'
import { CopyButton } from '../../lib/ui/copy-button'
import { ArtifactCard } from '../artifact-card'

const DESCRIBED = {
  'kling-voice': { title: 'Kling voice', use: 'Pass it as voice_id to later Kling lip-sync or speech tasks.' },
  'minimax-voice': { title: 'MiniMax voice', use: 'Pass it as voice_id to later MiniMax text-to-speech tasks.' },
  'voice': { title: 'Voice', use: 'Pass it as voice_id to later tasks of the same provider.' },
  'sora-character': { title: 'Sora 2 character', use: 'Pass it as character_id to later Sora 2 tasks to keep the character consistent.' },
  'phota-profile': { title: 'PHOTA profile', use: 'Pass it as profile_id to other PHOTA models.' },
} as const satisfies Record<ProfileIdKind, { title: string; use: string }>

export function ProfileIdArtifact({ artifact }: { artifact: ProfileId }) {
  const described = DESCRIBED[artifact.idKind]
  const snippet = JSON.stringify({ [artifact.field]: artifact.id }, null, 2)
  return (
    <ArtifactCard>
      <div className="space-y-3 p-4">
        <p className="text-sm font-medium text-stone-600 dark:text-stone-300">
          {described.title}
          {artifact.name && <> · {artifact.name}</>}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <code className="rounded bg-stone-100 px-2 py-1 text-lg break-all dark:bg-stone-800">{artifact.id}</code>
          <CopyButton text={artifact.id} label="Copy ID" />
        </div>
        <p className="text-sm text-stone-600 dark:text-stone-300">
          This ID does not expire with the result links. {described.use}
        </p>
        <pre className="overflow-x-auto rounded bg-stone-100 p-2 text-xs dark:bg-stone-800" aria-label="Request snippet">{snippet}</pre>
      </div>
    </ArtifactCard>
  )
}
