// The image viewer: a modal over the page that walks the task's images, zooms and pans.
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { ImageArtifact as Image, TaskView } from '../../api/task-view'
import { Button } from '../../lib/ui/button'
import { Fact } from '../artifact-card'
import { SaveButton } from '../save-button'
import { UNLOADABLE_IMAGE, imageAlt, naturalSizeOf, pixelSize, settledState, type LoadState } from './image-facts'
import { fitScale, formatPixels, formatScale, zoomedIn, zoomedOut, type Size, type Zoom } from './zoom'

/** Room left around a fitted image, so it never touches the edges or hides under the arrows. */
const MARGIN = 16
/** How far one Shift+arrow press pans, as a share of the visible area. */
const PAN_STEP = 0.2
const DIMMED = 'disabled:opacity-40'

type LightboxProps = {
  task: TaskView
  images: readonly Image[]
  /** Position in `images` to open at. */
  start: number
  onClose: () => void
}

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

/** Keeps Tab inside the dialog: the page behind is inert, but Tab would still reach the browser's own UI. */
function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => element.getClientRects().length > 0,
  )
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  if (!first || !last) return
  const active = document.activeElement
  const inside = active instanceof HTMLElement && focusable.includes(active)
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault()
    first.focus()
  }
}

export function Lightbox({ task, images, start, onClose }: LightboxProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const stage = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState(start)
  const [zoom, setZoom] = useState<Zoom>('fit')
  const [loads, setLoads] = useState<Readonly<Record<string, LoadState>>>({})
  const [box, setBox] = useState<Size | undefined>(undefined)
  const [dragging, setDragging] = useState(false)
  // The image point at the centre of the view before a zoom, put back at the centre after it.
  const anchor = useRef<{ x: number; y: number } | null>(null)
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null)

  useLayoutEffect(() => {
    const element = dialog.current
    if (!element) return
    // showModal gives the top layer and an inert page behind; guarded because StrictMode mounts twice.
    if (!element.open) element.showModal()
    // Close first: it is what a person who opened the viewer by mistake is looking for.
    element.querySelector<HTMLElement>('[data-initial-focus]')?.focus()
  }, [])

  // A callback ref, since the stage comes and goes with failed images and its size decides "fit".
  const observeStage = useCallback((element: HTMLDivElement | null) => {
    stage.current = element
    if (!element) return
    const observer = new ResizeObserver(() => setBox({ width: element.clientWidth, height: element.clientHeight }))
    observer.observe(element)
    return () => {
      observer.disconnect()
      stage.current = null
    }
  }, [])

  const recordLoad = useCallback((url: string, state: LoadState) => setLoads((current) => ({ ...current, [url]: state })), [])
  const catchUp = useCallback(
    (element: HTMLImageElement | null) => {
      const settled = settledState(element)
      const url = element?.getAttribute('src')
      if (settled && url) recordLoad(url, settled)
    },
    [recordLoad],
  )

  const image = images[position]
  const loaded = image ? loads[image.url] : undefined
  const natural = image ? pixelSize(image, loaded) : undefined
  const fitted = natural && box ? fitScale(natural, { width: box.width - 2 * MARGIN, height: box.height - 2 * MARGIN }) : undefined
  // A failed image has nothing to zoom, even when the result declared its size.
  const scale = loaded === 'failed' ? undefined : zoom === 'fit' ? fitted : zoom
  const pannable = Boolean(natural && box && scale && (natural.width * scale > box.width || natural.height * scale > box.height))

  useLayoutEffect(() => {
    const element = stage.current
    const point = anchor.current
    if (!element || !point) return
    anchor.current = null
    element.scrollLeft = point.x * element.scrollWidth - element.clientWidth / 2
    element.scrollTop = point.y * element.scrollHeight - element.clientHeight / 2
  }, [scale])

  if (!image) return null

  function close() {
    // Closing through the element fires `close`, the one path Escape also takes.
    dialog.current?.close()
  }

  function go(step: number) {
    setPosition((current) => (current + step + images.length) % images.length)
    setZoom('fit')
  }

  function changeZoom(next: Zoom) {
    const element = stage.current
    if (element && element.scrollWidth > 0 && element.scrollHeight > 0) {
      anchor.current = {
        x: (element.scrollLeft + element.clientWidth / 2) / element.scrollWidth,
        y: (element.scrollTop + element.clientHeight / 2) / element.scrollHeight,
      }
    }
    setZoom(next)
  }

  // Without a scale (size unknown yet, or the image failed) there is nothing to zoom from.
  const zoomIn = () => scale && changeZoom(zoomedIn(scale))
  const zoomOut = () => scale && changeZoom(zoomedOut(scale))
  const toggleFit = () => scale && changeZoom(zoom === 'fit' ? 1 : 'fit')

  function pan(x: number, y: number) {
    const element = stage.current
    element?.scrollBy({ left: x * element.clientWidth * PAN_STEP, top: y * element.clientHeight * PAN_STEP })
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Tab') return trapTab(event)
    // Alt+Left is the browser's Back, Ctrl/Cmd with +/− its page zoom: leave those alone.
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const panning = event.shiftKey
    switch (event.key) {
      case 'ArrowLeft':
        if (panning) pan(-1, 0)
        else go(-1)
        break
      case 'ArrowRight':
        if (panning) pan(1, 0)
        else go(1)
        break
      case 'ArrowUp':
        if (!panning) return
        pan(0, -1)
        break
      case 'ArrowDown':
        if (!panning) return
        pan(0, 1)
        break
      case '+':
      case '=':
        zoomIn()
        break
      case '-':
      case '_':
      case '−':
        zoomOut()
        break
      case '0':
        toggleFit()
        break
      default:
        return
    }
    event.preventDefault()
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    // Touch and pen already pan the scroll box natively, pinch-zoom included.
    if (event.pointerType !== 'mouse' || event.button !== 0 || !pannable) return
    const element = event.currentTarget
    element.setPointerCapture(event.pointerId)
    drag.current = { x: event.clientX, y: event.clientY, left: element.scrollLeft, top: element.scrollTop }
    setDragging(true)
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const from = drag.current
    if (!from) return
    event.currentTarget.scrollLeft = from.left - (event.clientX - from.x)
    event.currentTarget.scrollTop = from.top - (event.clientY - from.y)
  }

  function endDrag() {
    drag.current = null
    setDragging(false)
  }

  const cursor = dragging ? 'cursor-grabbing' : pannable ? 'cursor-grab' : ''
  const arrow =
    'absolute top-1/2 flex size-11 -translate-y-1/2 items-center justify-center rounded-full bg-black/60 text-2xl text-white hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-400'

  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-label="Image viewer"
      onClose={onClose}
      onKeyDown={onKeyDown}
      className="fixed inset-0 m-0 h-full max-h-full w-full max-w-full flex-col border-0 bg-stone-950 p-0 text-stone-900 backdrop:bg-black/80 dark:text-stone-100 open:flex"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-stone-200 bg-white px-4 py-2 text-sm text-stone-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300">
        <output aria-label="Position" className="font-semibold text-stone-900 dark:text-stone-100">
          {position + 1} of {images.length}
        </output>
        <span className="hidden font-medium sm:inline">Image {image.index + 1}</span>
        {natural && <Fact label="Size">{formatPixels(natural)}</Fact>}
        {loaded !== 'failed' && (
          // On a phone the zoom controls take a row of their own, under the position and Close.
          <div role="group" aria-label="Zoom" className="order-last flex w-full items-center justify-center gap-1 sm:order-none sm:ml-auto sm:w-auto">
            <Button variant="quiet" onClick={zoomOut} disabled={!scale} aria-label="Zoom out" title="Zoom out (−)" className={DIMMED}>
              −
            </Button>
            <output aria-label="Scale" className="w-12 text-center tabular-nums">
              {scale ? formatScale(scale) : ''}
            </output>
            <Button variant="quiet" onClick={zoomIn} disabled={!scale} aria-label="Zoom in" title="Zoom in (+)" className={DIMMED}>
              +
            </Button>
            <Button variant="quiet" onClick={toggleFit} disabled={!scale} title="Fit to window or show actual pixels (0)" className={DIMMED}>
              {zoom === 'fit' ? 'Actual size' : 'Fit'}
            </Button>
          </div>
        )}
        <a
          href={image.url}
          target="_blank"
          rel="noopener noreferrer"
          className="hidden rounded-md px-1 underline underline-offset-2 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-orange-500 sm:inline dark:hover:text-white"
        >
          Open original
        </a>
        <div className={`flex flex-wrap items-center gap-2 ${loaded === 'failed' ? 'ml-auto' : 'ml-auto sm:ml-0'}`}>
          <SaveButton key={image.url} task={task} artifact={image} />
          <Button data-initial-focus variant="primary" onClick={close}>
            Close
          </Button>
        </div>
      </div>
      <div className="relative min-h-0 flex-1">
        {loaded === 'failed' ? (
          <div className="flex h-full items-center justify-center px-16">
            <p className="max-w-sm text-center text-stone-200">{UNLOADABLE_IMAGE}</p>
          </div>
        ) : (
          <div
            ref={observeStage}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={endDrag}
            onPointerCancel={endDrag}
            onDoubleClick={toggleFit}
            className={`absolute inset-0 overflow-auto overscroll-contain select-none ${cursor}`}
          >
            {/* At least the stage's size so a small image sits centred; as wide as the image so a big one scrolls. */}
            <div className="flex min-h-full w-max min-w-full items-center justify-center" style={{ padding: MARGIN }}>
              <img
                key={image.url}
                ref={catchUp}
                src={image.url}
                alt={imageAlt(image, task)}
                referrerPolicy="no-referrer"
                draggable={false}
                onLoad={(event) => recordLoad(image.url, naturalSizeOf(event.currentTarget))}
                onError={() => recordLoad(image.url, 'failed')}
                style={natural && scale ? { width: natural.width * scale, height: natural.height * scale } : undefined}
                className="max-w-none"
              />
            </div>
          </div>
        )}
        {images.length > 1 && (
          <>
            <button type="button" onClick={() => go(-1)} aria-label="Previous image" title="Previous (←)" className={`${arrow} left-3`}>
              ‹
            </button>
            <button type="button" onClick={() => go(1)} aria-label="Next image" title="Next (→)" className={`${arrow} right-3`}>
              ›
            </button>
          </>
        )}
      </div>
      <p className="hidden bg-stone-950 px-4 py-1.5 text-xs text-stone-400 sm:block">
        ← → previous and next · + − zoom · 0 fit or actual size · drag, scroll or Shift+arrows to pan · Esc closes
      </p>
    </dialog>
  )
}
