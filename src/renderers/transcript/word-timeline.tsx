import { useEffect, useMemo, useRef, useState } from 'react'
import { formatClock } from '../../lib/format'
import { Button } from '../../lib/ui/button'
import { speakerLabel } from '../../api/speaker-label'
import { lastStartingBy, type TimedWord } from './transcript-index'

const LANE_HEIGHT = 30
const RULER_HEIGHT = 22
const MIN_ZOOM = 4
const MAX_ZOOM = 400
/** Words that start this long before the window may still reach into it. */
const LONGEST_WORD_SECONDS = 10
const TICK_STEPS = [0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]

type WordTimelineProps = {
  timed: readonly TimedWord[]
  speakers: ReadonlyArray<string | undefined>
  duration: number
  current: number
  matches: readonly number[]
  reveal: { index: number; seq: number } | undefined
  onSeek: (index: number) => void
  /** Render every word at once instead of those in view (for the benchmark's baseline). */
  renderAll?: boolean
}

function confidence(logprob: number | undefined): string | undefined {
  return logprob === undefined ? undefined : `${Math.round(Math.exp(logprob) * 100)}% confidence`
}

function describe(item: TimedWord): string {
  const sure = confidence(item.word.logprob)
  return `${item.word.text}, ${formatClock(item.start)} to ${formatClock(item.end)}${sure ? `, ${sure}` : ''}`
}

/**
 * A lane per speaker, each word a block placed by its start and end. Only the blocks in the
 * visible time window are rendered, so an hour of words costs what a screenful does.
 */
export function WordTimeline({ timed, speakers, duration, current, matches, reveal, onSeek, renderAll = false }: WordTimelineProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState(60)
  const [view, setView] = useState({ left: 0, width: 800 })
  const [hovered, setHovered] = useState<TimedWord | undefined>()
  const width = Math.max(1, duration * zoom)
  const matchSet = useMemo(() => new Set(matches), [matches])
  const positionOf = useMemo(() => new Map(timed.map((item, position) => [item.index, position])), [timed])

  useEffect(() => {
    const element = scroller.current
    if (!element) return
    let frame = 0
    const measure = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setView({ left: element.scrollLeft, width: element.clientWidth }))
    }
    measure()
    element.addEventListener('scroll', measure, { passive: true })
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => {
      cancelAnimationFrame(frame)
      element.removeEventListener('scroll', measure)
      observer.disconnect()
    }
  }, [])

  // Keep the word asked for (or being played) in sight.
  useEffect(() => {
    const element = scroller.current
    const position = reveal ? positionOf.get(reveal.index) : undefined
    const item = position === undefined ? undefined : timed[position]
    if (!element || !item) return
    const x = item.start * zoom
    if (x < element.scrollLeft + 40 || x > element.scrollLeft + element.clientWidth - 80) {
      element.scrollLeft = Math.max(0, x - element.clientWidth / 3)
    }
  }, [reveal, positionOf, timed, zoom])

  function rezoom(factor: number) {
    const element = scroller.current
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * factor))
    if (element) {
      // Zoom about the middle of the view, so what is looked at stays put.
      const middle = (element.scrollLeft + element.clientWidth / 2) / zoom
      requestAnimationFrame(() => {
        element.scrollLeft = Math.max(0, middle * next - element.clientWidth / 2)
      })
    }
    setZoom(next)
  }

  const start = view.left / zoom
  const end = (view.left + view.width) / zoom
  const first = Math.max(0, lastStartingBy(timed, start - LONGEST_WORD_SECONDS))
  const last = lastStartingBy(timed, end)
  const visible = renderAll ? timed : last < first ? [] : timed.slice(first, last + 1).filter((item) => item.end >= start)
  const step = TICK_STEPS.find((s) => s * zoom >= 70) ?? 3600
  const ticks: number[] = []
  for (let t = Math.floor(start / step) * step; t <= end; t += step) if (t >= 0) ticks.push(t)
  const laneOf = (speaker: string | undefined) => Math.max(0, speakers.indexOf(speaker))

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 px-4 text-sm">
        <span className="font-medium">Word timeline</span>
        <Button onClick={() => rezoom(1 / 1.5)} disabled={zoom <= MIN_ZOOM} aria-label="Zoom out">−</Button>
        <Button onClick={() => rezoom(1.5)} disabled={zoom >= MAX_ZOOM} aria-label="Zoom in">+</Button>
        <span className="text-stone-500 tabular-nums dark:text-stone-400" aria-live="polite">{`${Math.round(zoom)} px per second`}</span>
        {hovered && (
          <span role="status" className="ml-auto rounded bg-stone-800 px-2 py-0.5 text-xs text-white dark:bg-stone-200 dark:text-stone-900">
            {describe(hovered)}
          </span>
        )}
      </div>
      {matches.length > 0 && duration > 0 && (
        <div className="relative mx-4 h-3 rounded bg-stone-100 dark:bg-stone-800" aria-label={`${matches.length} search matches along the transcript`} role="img">
          {matches.map((index) => {
            const position = positionOf.get(index)
            const item = position === undefined ? undefined : timed[position]
            return item ? (
              <span key={index} data-testid="match-marker" className="absolute top-0 h-3 w-0.5 bg-yellow-500" style={{ left: `${(item.start / duration) * 100}%` }} />
            ) : null
          })}
        </div>
      )}
      <div className="flex">
        <div className="shrink-0 border-r border-stone-200 text-xs font-medium dark:border-stone-700" style={{ paddingTop: RULER_HEIGHT }}>
          {speakers.map((speaker) => (
            <div key={speaker ?? ''} className="flex items-center px-2" style={{ height: LANE_HEIGHT }}>
              {speakerLabel(speaker)}
            </div>
          ))}
        </div>
        <div ref={scroller} className="relative overflow-x-auto overflow-y-hidden" role="group" aria-label="Word timeline">
          <div className="relative" style={{ width, height: RULER_HEIGHT + LANE_HEIGHT * speakers.length + 4 }}>
            {ticks.map((t) => (
              <span key={t} aria-hidden className="absolute top-0 h-full border-l border-stone-200 pl-1 text-[10px] text-stone-500 dark:border-stone-700 dark:text-stone-400" style={{ left: t * zoom }}>
                {formatClock(t).replace(/\.00$/, '')}
              </span>
            ))}
            {visible.map((item) => {
              const isCurrent = item.index === current
              const tone = isCurrent
                ? 'bg-orange-700 text-white'
                : matchSet.has(item.index)
                  ? 'bg-yellow-300 text-stone-900'
                  : item.word.type === 'audio_event'
                    ? 'bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50'
                    : 'bg-sky-200 text-sky-950 hover:bg-sky-300 dark:bg-sky-800 dark:text-sky-50'
              return (
                <button
                  key={item.index}
                  type="button"
                  aria-label={describe(item)}
                  aria-current={isCurrent ? 'true' : undefined}
                  onClick={() => onSeek(item.index)}
                  onMouseEnter={() => setHovered(item)}
                  onMouseLeave={() => setHovered(undefined)}
                  onFocus={() => setHovered(item)}
                  onBlur={() => setHovered(undefined)}
                  className={`absolute overflow-hidden rounded-sm px-0.5 text-left text-[11px] leading-6 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-orange-600 ${tone}`}
                  style={{
                    left: item.start * zoom,
                    width: Math.max(2, (item.end - item.start) * zoom - 1),
                    top: RULER_HEIGHT + laneOf(item.word.speaker) * LANE_HEIGHT + 2,
                    height: LANE_HEIGHT - 4,
                  }}
                >
                  {item.word.text}
                </button>
              )
            })}
          </div>
        </div>
      </div>
    </div>
  )
}
