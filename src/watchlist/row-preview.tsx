// What a watchlist row shows of what its task made, one look per kind: a picture's thumbnail, a
// video's first frame, a play button for audio, the start of a chat answer or transcript, a
// reusable ID, or why the task failed.
import { useRef, useState } from 'react'
import type { TaskView } from '../api/task-view'

export type Gist =
  | { kind: 'picture' | 'video' | 'audio'; url: string }
  | { kind: 'text' | 'id' | 'failure'; text: string }

/** The first line of a text, at most `room` characters (an ellipsis says when there was more). */
function firstLine(text: string, room = 120): string {
  const line = text.trim().split('\n', 1)[0]?.trim() ?? ''
  return line.length > room ? `${line.slice(0, room - 1)}…` : line
}

/** A markdown line as plain words: no heading, quote or list marker, no bold or code ticks. */
function plainMarkdown(line: string): string {
  return line.replace(/^(#{1,6}|>|[-*+]|\d+\.)\s+/, '').replace(/\*\*|__|`/g, '')
}

/** The one thing a row shows of a task, in the order a person looks for it; nothing while none. */
export function gistOf(task: TaskView): Gist | undefined {
  if (task.status === 'failed') {
    const why = task.error?.message ?? task.error?.code
    return why ? { kind: 'failure', text: firstLine(why) } : undefined
  }
  const { artifacts } = task
  for (const artifact of artifacts) {
    if (artifact.kind === 'image' || artifact.kind === 'pbr-map' || artifact.kind === 'texture') return { kind: 'picture', url: artifact.url }
  }
  for (const artifact of artifacts) {
    switch (artifact.kind) {
      case 'video':
        return { kind: 'video', url: artifact.url }
      case 'profile-id':
        return { kind: 'id', text: artifact.id }
      case 'audio':
        // A voice clone's preview comes after its ID, which is what gets reused.
        if (!artifacts.some((a) => a.kind === 'profile-id')) return { kind: 'audio', url: artifact.url }
        break
      case 'chat': {
        const answer = artifact.choices[0]
        const line = answer ? firstLine(plainMarkdown(answer.content.trim())) || (answer.toolCalls[0] ? `Calls ${answer.toolCalls[0].name}` : '') : ''
        if (line) return { kind: 'text', text: line }
        break
      }
      case 'transcript':
        if (artifact.text.trim()) return { kind: 'text', text: firstLine(artifact.text) }
        break
      case 'image': case 'pbr-map': case 'texture': case 'raw':
        break
    }
  }
  return undefined
}

/** Plays a result's audio in the row, and stops it; one button, its name saying which it will do. */
function PlayButton({ url, taskId }: { url: string; taskId: string }) {
  const audio = useRef<HTMLAudioElement>(null)
  const [playing, setPlaying] = useState(false)
  const [failed, setFailed] = useState(false)
  if (failed) return <span className="text-xs text-stone-500 dark:text-stone-400">Audio not playable</span>
  return (
    <>
      <button
        type="button"
        aria-label={`${playing ? 'Pause' : 'Play'} audio of ${taskId}`}
        onClick={() => {
          const element = audio.current
          if (!element) return
          if (element.paused) element.play().catch(() => setFailed(true))
          else element.pause()
        }}
        className="flex size-10 items-center justify-center rounded-full border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100 dark:hover:bg-stone-700"
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <audio
        ref={audio}
        src={url}
        preload="none"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onError={() => setFailed(true)}
      />
    </>
  )
}

/** A row's preview cell: the gist of its task, sized for a table row. */
export function RowPreview({ task, taskId }: { task: TaskView; taskId: string }) {
  const gist = gistOf(task)
  switch (gist?.kind) {
    case undefined:
      return null
    case 'picture':
      return <img src={gist.url} alt={`First result of ${taskId}`} loading="lazy" referrerPolicy="no-referrer" className="size-10 rounded object-cover" />
    case 'video':
      // A frame a little in, as a poster: the page never plays it here (no controls, muted).
      return (
        <video
          src={`${gist.url}#t=0.1`}
          aria-label={`First frame of the video of ${taskId}`}
          preload="metadata"
          muted
          playsInline
          className="h-10 w-16 rounded bg-stone-900 object-cover"
        />
      )
    case 'audio':
      return <PlayButton url={gist.url} taskId={taskId} />
    case 'id':
      return <code className="block max-w-48 truncate text-xs" title={gist.text}>{gist.text}</code>
    case 'text':
      return <p className="line-clamp-2 max-w-56 text-xs text-stone-700 dark:text-stone-200" title={gist.text}>{gist.text}</p>
    case 'failure':
      return <p className="line-clamp-2 max-w-56 text-xs text-red-700 dark:text-red-400" title={gist.text}>{gist.text}</p>
  }
}
