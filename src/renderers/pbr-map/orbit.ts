// How a person moves the 3D preview's camera: three's OrbitControls (drag, mouse wheel, pinch and
// touch), held to what the preview needs, and the arrow keys, which turn the view as a short drag
// would. Imports three.js, so only material-scene may import it.
import type { PerspectiveCamera } from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'

/** Where the camera starts: around the vertical axis and down from straight above, in radians. */
export const START_VIEW = { azimuth: 0.5, polar: 1.2, distance: 3.6 } as const
/** Radians turned per CSS pixel dragged: a drag across a 600 px canvas is about a full turn. */
const RADIANS_PER_PIXEL = 0.01
/** Kept off the poles, so the view never flips over. */
const POLAR_MARGIN = 0.15
/**
 * How near and far the wheel or a pinch may take the camera, in sphere radii from its centre.
 * Near: half a radius off the surface, close enough to see the maps' texels, well clear of the
 * camera's near plane. Far: the sphere still fills about a third of the height.
 */
const DISTANCE = { min: 1.5, max: 9 } as const
/** Arrow keys turn the object as a short drag that way would: [dx, dy] in pixels. */
const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-24, 0],
  ArrowRight: [24, 0],
  ArrowUp: [0, -24],
  ArrowDown: [0, 24],
}

export type Orbit = {
  controls: OrbitControls
  /** Keeps a drag's turn per pixel the same whatever the canvas's height (in CSS pixels). */
  fitTo: (height: number) => void
  /** Turns the view for an arrow key; false, and nothing moved, for any other key. */
  turnByKey: (key: string) => boolean
  dispose: () => void
}

/** Places `camera` at the start and lets a person orbit it round the origin from `element`. */
export function createOrbit(camera: PerspectiveCamera, element: HTMLElement): Orbit {
  camera.position.setFromSphericalCoords(START_VIEW.distance, START_VIEW.polar, START_VIEW.azimuth)

  // OrbitControls cancels every context menu on its element, to pan with the right button. There
  // is no panning here, and the browser's menu is how a person copies or saves the picture: this
  // listener, added first, stops the event before OrbitControls' own hears it.
  const keepContextMenu = (event: Event) => event.stopImmediatePropagation()
  element.addEventListener('contextmenu', keepContextMenu)

  const controls = new OrbitControls(camera, element)
  controls.minPolarAngle = POLAR_MARGIN
  controls.maxPolarAngle = Math.PI - POLAR_MARGIN
  controls.minDistance = DISTANCE.min
  controls.maxDistance = DISTANCE.max
  // Panning would move the object off the point the camera and the light turn round.
  controls.enablePan = false
  controls.update()

  function turnByKey(key: string): boolean {
    const step = Object.hasOwn(ARROWS, key) ? ARROWS[key] : undefined
    if (!step) return false
    // OrbitControls' own keys pan, and turn only with a modifier held: these turn as before.
    controls.rotateLeft(step[0] * RADIANS_PER_PIXEL)
    controls.rotateUp(step[1] * RADIANS_PER_PIXEL)
    return true
  }
  function onKeyDown(event: KeyboardEvent) {
    if (turnByKey(event.key)) event.preventDefault()
  }
  element.addEventListener('keydown', onKeyDown)

  return {
    controls,
    fitTo(height) {
      // OrbitControls turns a full circle per drag of the element's height, times rotateSpeed.
      controls.rotateSpeed = (RADIANS_PER_PIXEL * Math.max(1, height)) / (2 * Math.PI)
    },
    turnByKey,
    dispose() {
      controls.dispose()
      element.removeEventListener('keydown', onKeyDown)
      element.removeEventListener('contextmenu', keepContextMenu)
    },
  }
}
