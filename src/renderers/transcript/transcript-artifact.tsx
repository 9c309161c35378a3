import { useQuery } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react'
import { configQueries } from '../../api/get-config'
import type { TaskView, TranscriptArtifact as Transcript, Word } from '../../api/task-view'
import { downloadText } from '../../lib/download'
import { Button } from '../../lib/ui/button'
import { CopyButton } from '../../lib/ui/copy-button'
import { ArtifactCard, Fact } from '../artifact-card'
import { buildCues, toJson, toPlainText, toSrt, toVtt } from '../../api/transcript-cues'
import { usePlayAlong } from './play-along'
import { ReadingView } from './reading-view'
import { findMatches, readingRows, speakersOf, timedWords } from './transcript-index'
import { WordTimeline } from './word-timeline'

type AudioSource = { url: string; name: string; local: boolean }

const NO_WORDS: readonly Word[] = []

function countWords(words: readonly Word[]): number {
  let count = 0
  for (const word of words) if (word.type === 'word') count++
  return count
}

const EXPORTS = [
  { label: 'SRT', extension: 'srt', type: 'application/x-subrip', make: (t: Transcript) => toSrt(buildCues(t.words)) },
  { label: 'WebVTT', extension: 'vtt', type: 'text/vtt', make: (t: Transcript) => toVtt(buildCues(t.words)) },
  { label: 'Text', extension: 'txt', type: 'text/plain', make: (t: Transcript) => toPlainText(buildCues(t.words)) },
  { label: 'JSON', extension: 'json', type: 'application/json', make: toJson },
] as const

/**
 * `?transcript=render-all` renders every word at once instead of only what is on screen: the
 * baseline the transcript benchmark (bench/transcript.ts) measures against. Nobody needs it otherwise.
 */
function rendersAll(): boolean {
  return new URLSearchParams(window.location.search).get('transcript') === 'render-all'
}

/** The demo transcript's own audio, when this task is one. */
function useDemoAudio(taskId: string): string | undefined {
  const config = useQuery(configQueries.server())
  return config.data?.demoTasks.find((demo) => demo.sourceAudio && (taskId === demo.id || taskId.startsWith(`${demo.id}-`)))?.sourceAudio
}

export function TranscriptArtifact({ artifact, task }: { artifact: Transcript; task: TaskView }) {
  const words = artifact.words
  const [renderAll] = useState(rendersAll)
  const rows = useMemo(() => readingRows(words), [words])
  // The first screen of text comes first. What is built over every word for the rest (the
  // timeline, play-along, the counts) comes in a render of its own just after, which React may
  // interrupt: an hour of speech is tens of thousands of entries. (The benchmark's baseline
  // builds and draws everything at once.)
  const indexed = useDeferredValue(words, renderAll ? words : NO_WORDS)
  const indexing = indexed !== words
  const timed = useMemo(() => timedWords(indexed), [indexed])
  const speakers = useMemo(() => speakersOf(indexed), [indexed])
  const duration = useMemo(() => timed.reduce((longest, item) => Math.max(longest, item.end), 0), [timed])
  const wordCount = useMemo(() => countWords(indexed), [indexed])

  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const matches = useMemo(() => findMatches(words, deferredQuery), [words, deferredQuery])
  const matchSet = useMemo(() => new Set(matches), [matches])
  // Which match "Next match" reached, for the query it was reached in (a new query starts over).
  const [cursor, setCursor] = useState({ query: '', at: -1 })
  const matchCursor = cursor.query === deferredQuery ? cursor.at : -1

  const [current, setCurrent] = useState(-1)
  const [reveal, setReveal] = useState<{ index: number; seq: number } | undefined>()
  const [follow, setFollow] = useState(true)
  const [source, setSource] = useState<AudioSource | undefined>()
  const [dragging, setDragging] = useState(false)
  const audio = useRef<HTMLAudioElement>(null)
  const demoAudio = useDemoAudio(task.id)
  const searchId = useId()
  const fileId = useId()

  const bringIntoView = useCallback((index: number) => setReveal((last) => ({ index, seq: (last?.seq ?? 0) + 1 })), [])

  const onWord = useCallback((index: number) => {
    setCurrent(index)
    if (follow) bringIntoView(index)
  }, [follow, bringIntoView])
  usePlayAlong(audio, timed, source?.url, onWord)

  const seek = useCallback((index: number) => {
    setCurrent(index)
    const start = words[index]?.start
    const element = audio.current
    if (element && source && start !== null && start !== undefined) element.currentTime = start
  }, [words, source])

  useEffect(() => () => {
    if (source?.local) URL.revokeObjectURL(source.url)
  }, [source])

  function jumpToMatch(step: 1 | -1) {
    if (matches.length === 0) return
    const next = (matchCursor + step + matches.length) % matches.length
    setCursor({ query: deferredQuery, at: next })
    const index = matches[next]
    if (index !== undefined) bringIntoView(index)
  }

  function playFile(file: File | undefined) {
    if (!file) return
    setSource({ url: URL.createObjectURL(file), name: file.name, local: true })
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault()
    setDragging(false)
    playFile([...event.dataTransfer.files].find((file) => /^(audio|video)\//.test(file.type)) ?? event.dataTransfer.files[0])
  }

  return (
    <ArtifactCard
      footer={
        <>
          <span className="mr-auto font-medium">Transcript</span>
          {artifact.languageCode && (
            <Fact label="Language">
              {artifact.languageCode}
              {artifact.languageProbability !== undefined && ` (${Math.round(artifact.languageProbability * 100)}%)`}
            </Fact>
          )}
          <Fact label="Words">{indexing ? '…' : wordCount}</Fact>
          <Fact label="Speakers">{indexing ? '…' : speakers.length}</Fact>
          <CopyButton text={artifact.text} label="Copy text" />
          <span className="flex flex-wrap items-center gap-1" role="group" aria-label="Export">
            {EXPORTS.map((format) => (
              <Button key={format.label} onClick={() => downloadText(format.make(artifact), format.type, `${task.id}.${format.extension}`)}>
                {`Export ${format.label}`}
              </Button>
            ))}
          </span>
        </>
      }
    >
      <div
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={`space-y-3 border-b border-stone-200 p-4 dark:border-stone-700 ${dragging ? 'bg-orange-50 dark:bg-orange-950' : ''}`}
      >
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">Play along</span>
          {demoAudio && source?.url !== demoAudio && (
            <Button onClick={() => setSource({ url: demoAudio, name: 'the demo audio', local: false })}>Use the demo's audio</Button>
          )}
          <label htmlFor={fileId} className="cursor-pointer rounded-md border border-dashed border-stone-400 px-3 py-1.5 hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-800">
            Choose the audio file…
          </label>
          <input id={fileId} type="file" accept="audio/*,video/*" className="sr-only" onChange={(event) => playFile(event.target.files?.[0])} />
          <span className="text-stone-500 dark:text-stone-400">{source ? `Playing ${source.name}` : 'or drop it here'}</span>
          <label className="ml-auto flex items-center gap-1.5">
            <input type="checkbox" checked={follow} onChange={(event) => setFollow(event.target.checked)} />
            Follow playback
          </label>
        </div>
        {source && <audio ref={audio} src={source.url} controls className="w-full" aria-label="Transcript audio" />}
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor={searchId} className="font-medium">
            Search the transcript
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') jumpToMatch(event.shiftKey ? -1 : 1)
            }}
            className="min-w-40 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900"
          />
          <span aria-live="polite" className="tabular-nums text-stone-600 dark:text-stone-300">
            {deferredQuery.trim() === '' ? '' : `${matchCursor >= 0 ? `${matchCursor + 1} of ` : ''}${matches.length} ${matches.length === 1 ? 'match' : 'matches'}`}
          </span>
          <Button onClick={() => jumpToMatch(-1)} disabled={matches.length === 0}>Previous match</Button>
          <Button onClick={() => jumpToMatch(1)} disabled={matches.length === 0}>Next match</Button>
        </div>
      </div>
      <ReadingView words={words} rows={rows} current={current} matches={matchSet} reveal={reveal} onSeek={seek} renderAll={renderAll} />
      <div className="border-t border-stone-200 py-3 dark:border-stone-700">
        {indexing ? (
          <p role="status" className="px-4 text-sm text-stone-500 dark:text-stone-400">Placing the words on the timeline…</p>
        ) : (
          <WordTimeline
            timed={timed}
            speakers={speakers}
            duration={duration}
            current={current}
            matches={matches}
            reveal={reveal}
            onSeek={seek}
            renderAll={renderAll}
          />
        )}
      </div>
    </ArtifactCard>
  )
}
