// The PBR maps' section add-on: a lit 3D preview of the set, behind a button. This chunk stays
// small; three.js comes with material-scene, fetched only once the button is pressed.
import { useEffect, useId, useRef, useState } from 'react'
import type { PbrMapArtifact, TaskView } from '../../api/task-view'
import { Button } from '../../lib/ui/button'
import type { MaterialScene, PreviewShape, SceneStatus } from './material-scene'
import { mapTypeOf } from './map-types'
import { describeDirection } from './light-direction'
import { planPreview, type PreviewPlan } from './preview-maps'

export function MaterialPreview({ artifacts, task }: { artifacts: PbrMapArtifact[]; task: TaskView }) {
  const [open, setOpen] = useState(false)
  const plan = planPreview(artifacts, task)
  if (plan.maps.length === 0) return null
  return (
    <div className="space-y-3 pt-2">
      <Button aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide 3D preview' : 'Show 3D preview'}
      </Button>
      {/* The section re-renders with every poll; a new scene is built only when the maps change. */}
      {open && <MaterialViewer key={JSON.stringify(plan.maps)} plan={plan} />}
    </div>
  )
}

type ViewerState =
  | { kind: 'starting' }
  | { kind: 'no-webgl' }
  | { kind: 'load-failed' }
  | SceneStatus

const SHAPES = [
  { shape: 'sphere', label: 'Sphere' },
  { shape: 'plane', label: 'Plane' },
] as const satisfies ReadonlyArray<{ shape: PreviewShape; label: string }>

function MaterialViewer({ plan }: { plan: PreviewPlan }) {
  // Fixed for the viewer's life: a change of maps remounts it (see its key).
  const [maps] = useState(plan.maps)
  const hostRef = useRef<HTMLDivElement>(null)
  const [scene, setScene] = useState<MaterialScene>()
  const [state, setState] = useState<ViewerState>({ kind: 'starting' })
  const [shape, setShape] = useState<PreviewShape>('sphere')
  const [light, setLight] = useState(315)
  const sliderId = useId()

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    let created: MaterialScene | undefined
    let cancelled = false
    import('./material-scene').then(
      ({ createMaterialScene }) => {
        if (cancelled) return
        created = createMaterialScene(host, maps, setState)
        setScene(created)
        if (!created) setState({ kind: 'no-webgl' })
      },
      () => {
        if (!cancelled) setState({ kind: 'load-failed' })
      },
    )
    return () => {
      cancelled = true
      created?.dispose()
    }
  }, [maps])

  useEffect(() => {
    scene?.setShape(shape)
  }, [scene, shape])
  useEffect(() => {
    scene?.setLightAngle(light)
  }, [scene, light])
  const direction = describeDirection(light)
  useEffect(() => {
    scene?.canvas.setAttribute('aria-label', `3D preview of the material on a ${shape}, lit from the ${direction}`)
  }, [scene, shape, direction])

  if (state.kind === 'no-webgl') {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        This browser could not start WebGL, which the 3D preview needs (it may be turned off, or the graphics driver
        blocked). The maps above are all still there to view and save.
      </p>
    )
  }
  if (state.kind === 'load-failed') {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        The 3D preview's code could not be loaded from the foxwatch server. Reload the page to try again.
      </p>
    )
  }

  const notSent = plan.missing.map((slot) => mapTypeOf(slot).label)
  return (
    <div className="max-w-2xl space-y-3 rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-700 dark:bg-stone-900">
      <div role="group" aria-label="Preview shape" className="flex gap-2">
        {SHAPES.map((option) => (
          <Button
            key={option.shape}
            aria-pressed={shape === option.shape}
            variant={shape === option.shape ? 'primary' : 'secondary'}
            onClick={() => setShape(option.shape)}
          >
            {option.label}
          </Button>
        ))}
      </div>
      <div ref={hostRef} className="aspect-[4/3] w-full overflow-hidden rounded-md bg-stone-200 dark:bg-stone-800" />
      <p role="status" className="text-sm text-stone-600 dark:text-stone-300">
        {statusSentence(state)}
      </p>
      {scene?.drawnBy === 'cpu' && (
        <p className="text-sm text-stone-500 dark:text-stone-400">
          No graphics card is drawing this page, so the preview uses simpler lighting (metal looks darker than it
          should) and may follow a drag slowly.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label htmlFor={sliderId} className="font-medium">
          Light direction
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={359}
          step={1}
          value={light}
          aria-valuetext={`from the ${direction}, ${light}°`}
          onChange={(event) => setLight(event.currentTarget.valueAsNumber)}
          className="w-48 accent-orange-600"
        />
        <output htmlFor={sliderId} className="text-stone-600 dark:text-stone-300">
          from the {direction}
        </output>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-300">
        Applied: {plan.maps.map((map) => map.label).join(', ')}.
        {notSent.length > 0 && ` Not sent, so left out: ${notSent.join(', ')}.`}
      </p>
    </div>
  )
}

/** What the status line says once the preview can be moved. */
const HOW_TO_MOVE = 'Drag the picture, or use the arrow keys on it, to turn it; scroll or pinch to zoom.'

function statusSentence(state: Exclude<ViewerState, { kind: 'no-webgl' } | { kind: 'load-failed' }>): string {
  switch (state.kind) {
    case 'starting':
      return 'Loading the 3D viewer…'
    case 'loading':
      return 'Loading the maps…'
    case 'ready':
      return state.failed.length > 0 ? `Could not load ${state.failed.map((map) => map.label).join(', ')}; shown without. ${HOW_TO_MOVE}` : HOW_TO_MOVE
    case 'context-lost':
      return 'The graphics context was lost (the GPU reset, or too many 3D views are open). Hide and show the preview to draw it again.'
  }
}
