// A waveform drawn from the audio's own samples that doubles as a seek bar for its player.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { formatDuration } from '../media/format-duration'
import { useMediaFrames } from '../media/use-media-frames'
import { durationOf, TIME_EVENTS, useMediaValue } from '../media/use-media-value'
import { barsOf, peaksOf } from './peaks'

type Decoded = { peaks: Float32Array; duration: number }

/** Enough peaks for a wide screen; the canvas regroups them to its own width. */
const PEAK_COUNT = 1200
/** Peaks need no fidelity, and a low rate keeps the decoded copy small. */
const DECODE_RATE = 8000
const BAR_WIDTH = 2
const BAR_STEP = 3
/** Used when the browser reports no accent colour for the canvas. */
const PLAYED_FALLBACK = '#ea580c'

async function decodePeaks(src: string, signal: AbortSignal): Promise<Decoded> {
  const response = await fetch(src, { signal })
  if (!response.ok) throw new Error(`The file answered ${response.status}.`)
  const bytes = await response.arrayBuffer()
  // An offline context decodes without opening the speakers, so no autoplay prompt or warning.
  const context = new OfflineAudioContext({ numberOfChannels: 1, length: 1, sampleRate: DECODE_RATE })
  const buffer = await context.decodeAudioData(bytes)
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i))
  return { peaks: peaksOf(channels, PEAK_COUNT), duration: buffer.duration }
}

function drawWaveform(canvas: HTMLCanvasElement, peaks: Float32Array, progress: number) {
  const width = canvas.clientWidth
  const height = canvas.clientHeight
  if (width === 0 || height === 0) return
  // A backing store in device pixels keeps the bars crisp on high-density screens.
  const ratio = window.devicePixelRatio || 1
  const pixelWidth = Math.round(width * ratio)
  const pixelHeight = Math.round(height * ratio)
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight
  const context = canvas.getContext('2d')
  if (!context) return
  context.setTransform(ratio, 0, 0, ratio, 0, 0)
  context.clearRect(0, 0, width, height)

  const bars = barsOf(peaks, Math.max(1, Math.floor(width / BAR_STEP)))
  const path = new Path2D()
  bars.forEach((peak, i) => {
    const barHeight = Math.max(1, peak * (height - 2))
    path.rect(i * BAR_STEP, (height - barHeight) / 2, BAR_WIDTH, barHeight)
  })
  // Colours come from the canvas's Tailwind classes, so dark mode follows the page.
  const style = getComputedStyle(canvas)
  const played = style.accentColor && style.accentColor !== 'auto' ? style.accentColor : PLAYED_FALLBACK
  context.fillStyle = style.color
  context.fill(path)
  const playedWidth = Math.min(1, Math.max(0, progress)) * width
  if (playedWidth <= 0) return
  context.save()
  context.beginPath()
  context.rect(0, 0, playedWidth, height)
  context.clip()
  context.fillStyle = played
  context.fill(path)
  context.restore()
  context.fillStyle = played
  context.fillRect(Math.min(playedWidth, width - 1), 0, 1, height)
}

const round = (seconds: number) => Math.round(seconds * 10) / 10

type WaveformProps = {
  /** A same-origin address for the audio's bytes: decoding needs to read them. */
  src: string
  /** The player this waveform follows and seeks. */
  media: HTMLMediaElement | null
  label: string
}

/** The waveform once decoded; nothing at all when the audio cannot be decoded, so the player stands alone. */
export function Waveform({ src, media, label }: WaveformProps) {
  const [result, setResult] = useState<{ src: string; decoded: Decoded | 'failed' } | undefined>(undefined)

  useEffect(() => {
    const controller = new AbortController()
    decodePeaks(src, controller.signal).then(
      (decoded) => setResult({ src, decoded }),
      () => {
        if (!controller.signal.aborted) setResult({ src, decoded: 'failed' })
      },
    )
    return () => controller.abort()
  }, [src])

  const decoded = result?.src === src ? result.decoded : undefined
  if (decoded === 'failed') return null
  if (!decoded) {
    return (
      <div role="status" className="h-16 animate-pulse rounded bg-stone-100 dark:bg-stone-800">
        <span className="sr-only">Drawing the waveform…</span>
      </div>
    )
  }
  return <WaveformSlider decoded={decoded} media={media} label={label} />
}

function WaveformSlider({ decoded, media, label }: { decoded: Decoded; media: HTMLMediaElement | null; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  // Seeking writes to the player, which a prop may not be; a ref to the same element may.
  const player = useRef(media)
  useEffect(() => {
    player.current = media
  }, [media])
  const [scrubbing, setScrubbing] = useState(false)

  const now = useMediaValue(media, (element) => element.currentTime, TIME_EVENTS) ?? 0
  // The player's own length is what currentTime is measured against; the decoded one stands in until it is known.
  const duration = useMediaValue(media, durationOf, TIME_EVENTS) ?? decoded.duration

  const draw = useCallback(() => {
    const element = canvas.current
    if (element) drawWaveform(element, decoded.peaks, media ? media.currentTime / duration : 0)
  }, [decoded, media, duration])

  useEffect(() => {
    const element = canvas.current
    if (!element) return
    const observer = new ResizeObserver(draw)
    observer.observe(element)
    return () => observer.disconnect()
  }, [draw])

  // While playing, a redraw every frame, so the played part glides.
  useMediaFrames(media, draw)

  // `now` changes a few times a second while playing and on every seek: each is a redraw.
  useEffect(() => draw(), [draw, now])

  function seek(seconds: number) {
    if (player.current) player.current.currentTime = Math.min(duration, Math.max(0, seconds))
  }

  function seekToPointer(event: PointerEvent<HTMLCanvasElement>) {
    const rect = event.currentTarget.getBoundingClientRect()
    if (rect.width > 0) seek(((event.clientX - rect.left) / rect.width) * duration)
  }

  function onPointerDown(event: PointerEvent<HTMLCanvasElement>) {
    if (event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    setScrubbing(true)
    seekToPointer(event)
  }

  function onKeyDown(event: KeyboardEvent<HTMLCanvasElement>) {
    // One second is a word or two of speech; long recordings move in bigger steps.
    const step = duration > 60 ? 5 : 1
    const page = duration / 10
    const targets: Partial<Record<string, number>> = {
      ArrowLeft: now - step,
      ArrowDown: now - step,
      ArrowRight: now + step,
      ArrowUp: now + step,
      PageDown: now - page,
      PageUp: now + page,
      Home: 0,
      End: duration,
    }
    const target = targets[event.key]
    if (target === undefined) return
    event.preventDefault()
    seek(target)
  }

  return (
    <canvas
      ref={canvas}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={round(duration)}
      aria-valuenow={round(now)}
      aria-valuetext={`${formatDuration(now)} of ${formatDuration(duration)}`}
      onPointerDown={onPointerDown}
      onPointerMove={(event) => scrubbing && seekToPointer(event)}
      onPointerUp={() => setScrubbing(false)}
      onPointerCancel={() => setScrubbing(false)}
      onKeyDown={onKeyDown}
      className="block h-16 w-full cursor-pointer touch-none rounded text-stone-300 accent-orange-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 dark:text-stone-600 dark:accent-orange-400"
    />
  )
}
