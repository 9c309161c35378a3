import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, startTransition, useEffect, useRef, useState, type MouseEvent } from 'react'
import type { Word } from '../../api/task-view'
import { formatClock } from '../../lib/format'
import { speakerLabel } from '../../api/speaker-label'
import { rowOf, type Row } from './transcript-index'

type RowViewProps = {
  row: Row
  words: readonly Word[]
  /** The word being played, when it is in this row; else -1 (so other rows don't re-render). */
  current: number
  matches: ReadonlySet<number>
}

const RowView = memo(function RowView({ row, words, current, matches }: RowViewProps) {
  const parts = []
  for (let index = row.from; index <= row.to; index++) {
    const word = words[index]
    if (!word) continue
    if (word.type === 'spacing') {
      parts.push(' ')
      continue
    }
    const tone = index === current
      ? 'bg-orange-300 text-stone-950 dark:bg-orange-700 dark:text-white'
      : matches.has(index) ? 'bg-yellow-200 dark:bg-yellow-700' : 'hover:bg-orange-100 dark:hover:bg-orange-900'
    const event = word.type === 'audio_event' ? 'mx-0.5 rounded bg-amber-100 px-1 text-sm italic text-amber-900 dark:bg-amber-900 dark:text-amber-100' : ''
    parts.push(
      <span
        key={index}
        data-word-index={index}
        aria-current={index === current ? 'true' : undefined}
        className={`cursor-pointer rounded-sm ${event} ${tone}`}
      >
        {word.text}
      </span>,
    )
  }
  return (
    <div className="grid gap-1 px-4 py-1.5 sm:grid-cols-[7rem_1fr]">
      <p className="flex gap-2 text-sm sm:flex-col sm:gap-0">
        {row.turnStart && <span className="font-semibold">{speakerLabel(row.speaker)}</span>}
        {row.turnStart && row.start !== null && <span className="text-stone-500 tabular-nums dark:text-stone-400">{formatClock(row.start)}</span>}
      </p>
      <p className="leading-relaxed">{parts}</p>
    </div>
  )
})

type ReadingViewProps = {
  words: readonly Word[]
  rows: readonly Row[]
  current: number
  matches: ReadonlySet<number>
  /** A word to bring into view; `seq` makes asking twice for the same word scroll again. */
  reveal: { index: number; seq: number } | undefined
  onSeek: (index: number) => void
  /** Render every row at once instead of only those on screen (for the benchmark's baseline). */
  renderAll?: boolean
}

/** The transcript as text, speaker by speaker; only the rows on screen are in the DOM. */
export function ReadingView({ words, rows, current, matches, reveal, onSeek, renderAll = false }: ReadingViewProps) {
  const scroller = useRef<HTMLDivElement>(null)
  // The rows kept beyond the screen, for smooth scrolling, come in a render of their own just
  // after the first (a transition, so not in the same task): the first draws only what is seen.
  const [painted, setPainted] = useState(false)
  useEffect(() => startTransition(() => setPainted(true)), [])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: painted ? 8 : 0,
  })

  useEffect(() => {
    if (!reveal) return
    const row = rowOf(rows, reveal.index)
    if (row >= 0) virtualizer.scrollToIndex(row, { align: 'auto' })
  }, [reveal, rows, virtualizer])

  function click(event: MouseEvent<HTMLDivElement>) {
    // One listener for every word: reading the index off the element keeps rows cheap.
    if (window.getSelection()?.toString()) return
    const target = event.target instanceof Element ? event.target.closest('[data-word-index]') : null
    const index = Number(target?.getAttribute('data-word-index'))
    if (target && Number.isInteger(index)) onSeek(index)
  }

  const rowView = (row: Row) => {
    const holdsCurrent = current >= row.from && current <= row.to
    return <RowView row={row} words={words} current={holdsCurrent ? current : -1} matches={matches} />
  }

  return (
    <div
      ref={scroller}
      onClick={click}
      role="region"
      aria-label="Transcript text"
      tabIndex={0}
      className="h-[28rem] overflow-y-auto focus-visible:outline-2 focus-visible:outline-orange-500"
    >
      {renderAll ? (
        rows.map((row) => <div key={row.from}>{rowView(row)}</div>)
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]
            return row ? (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
              >
                {rowView(row)}
              </div>
            ) : null
          })}
        </div>
      )}
    </div>
  )
}
