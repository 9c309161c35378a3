// The 3D preview's drawing: a sphere or a plane in a MeshStandardMaterial built from the task's
// maps. With orbit.ts (its camera controls), the only module that imports three.js, loaded when a
// person asks for the preview.
import {
  DirectionalLight,
  DoubleSide,
  HemisphereLight,
  FrontSide,
  Mesh,
  MeshStandardMaterial,
  NeutralToneMapping,
  PerspectiveCamera,
  PlaneGeometry,
  PMREMGenerator,
  RepeatWrapping,
  Scene,
  SphereGeometry,
  SRGBColorSpace,
  TextureLoader,
  WebGLRenderer,
  type BufferGeometry,
  type Texture,
} from 'three'
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js'
import { sameOriginUrl } from '../../api/file-name'
import type { KnownMap } from './map-types'
import { lightPosition } from './light-direction'
import { createOrbit } from './orbit'
import type { PreviewMap } from './preview-maps'

export type PreviewShape = 'sphere' | 'plane'

export type SceneStatus =
  | { kind: 'loading' }
  | { kind: 'ready'; failed: PreviewMap[] }
  | { kind: 'context-lost' }

export type MaterialScene = {
  canvas: HTMLCanvasElement
  /** 'cpu' when no graphics card draws WebGL here: simpler lighting, slower turning. */
  drawnBy: Drawer
  setShape: (shape: PreviewShape) => void
  setLightAngle: (degrees: number) => void
  dispose: () => void
}

/** Displacement in scene units (the sphere's radius is 1): enough to see, not enough to tear. */
const DISPLACEMENT_SCALE = 0.05
/** A square map wraps twice around the sphere, so its texels stay roughly square there. */
const REPEAT = { sphere: [2, 1], plane: [1, 1] } as const satisfies Record<PreviewShape, readonly [number, number]>

type Slot = keyof Pick<MeshStandardMaterial, 'map' | 'normalMap' | 'roughnessMap' | 'metalnessMap' | 'displacementMap' | 'aoMap'>
const SLOT = {
  basecolor: 'map',
  normal: 'normalMap',
  roughness: 'roughnessMap',
  metalness: 'metalnessMap',
  height: 'displacementMap',
  ao: 'aoMap',
} as const satisfies Record<KnownMap, Slot>

type Drawer = 'gpu' | 'cpu'

/** Whether WebGL 2 is drawn by a graphics card or emulated on the CPU; undefined without it. */
function probeDrawer(): Drawer | undefined {
  const gl = document.createElement('canvas').getContext('webgl2')
  if (!gl) return undefined
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
  // The probe's context is not needed again; browsers cap how many may be live.
  gl.getExtension('WEBGL_lose_context')?.loseContext()
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name) ? 'cpu' : 'gpu'
}

/**
 * Draws the maps onto a canvas it appends to `host`. Returns undefined when this browser cannot
 * give it a WebGL context. `onStatus` hears when the maps are in and if the context is lost.
 */
export function createMaterialScene(
  host: HTMLElement,
  maps: readonly PreviewMap[],
  onStatus: (status: SceneStatus) => void,
): MaterialScene | undefined {
  // A canvas of its own, rather than one React renders: a canvas whose context was given up on
  // disposal cannot give a new one, and React may mount the same element twice.
  const canvas = document.createElement('canvas')
  canvas.tabIndex = 0
  canvas.setAttribute('role', 'img')
  canvas.className =
    'block size-full cursor-grab touch-none select-none active:cursor-grabbing focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500'
  host.append(canvas)

  const drawer = probeDrawer()
  let renderer: WebGLRenderer
  try {
    if (!drawer) throw new Error('No WebGL 2')
    // preserveDrawingBuffer keeps the last frame readable, so it can be checked and copied.
    // Multisampling costs a CPU renderer about three times the frame time, for smoother edges only.
    renderer = new WebGLRenderer({ canvas, antialias: drawer === 'gpu', alpha: true, preserveDrawingBuffer: true })
  } catch {
    canvas.remove()
    return undefined
  }
  renderer.setClearColor(0x000000, 0)
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2))
  renderer.toneMapping = NeutralToneMapping

  const scene = new Scene()
  // A soft room to reflect, so metal reads as metal instead of black; the light does the rest.
  // Prefiltering it takes a CPU renderer ten seconds or more, a frozen tab: there, a sky-and-
  // ground light stands in, and metal looks darker than it should.
  let environment: { dispose: () => void } | undefined
  if (drawer === 'gpu') {
    const pmrem = new PMREMGenerator(renderer)
    const room = new RoomEnvironment()
    const target = pmrem.fromScene(room, 0.04)
    room.dispose()
    pmrem.dispose()
    scene.environment = target.texture
    scene.environmentIntensity = 0.35
    environment = target
  } else {
    scene.add(new HemisphereLight(0xffffff, 0x4a4440, 1.1))
  }

  const light = new DirectionalLight(0xffffff, 2.6)
  scene.add(light)
  const camera = new PerspectiveCamera(35, 4 / 3, 0.1, 50)
  const orbit = createOrbit(camera, canvas)

  // Subdivided finely, so the height map can move vertices rather than whole faces.
  const geometries = { sphere: new SphereGeometry(1, 256, 128), plane: new PlaneGeometry(2, 2, 256, 256) }
  // Until the maps are in (and where one is missing) the factors alone decide: a neutral,
  // mid-rough, non-metal surface that says nothing the maps didn't.
  const material = new MeshStandardMaterial({ color: 0xffffff, roughness: 0.6, metalness: 0 })
  const mesh = new Mesh<BufferGeometry, MeshStandardMaterial>(geometries.sphere, material)
  scene.add(mesh)

  const textures: Texture[] = []
  let lightDegrees = 0
  let shape: PreviewShape = 'sphere'
  let frame = 0
  let disposed = false

  function render() {
    frame = 0
    renderer.render(scene, camera)
  }
  // Drawn on demand, not every frame: nothing moves unless the person moves it.
  function requestRender() {
    if (!disposed && frame === 0) frame = requestAnimationFrame(render)
  }

  // The camera is the controls' to move; the light follows it round.
  function place() {
    const sun = lightPosition(lightDegrees, orbit.controls.getAzimuthalAngle(), 5)
    light.position.set(sun.x, sun.y, sun.z)
    requestRender()
  }

  function applyRepeat(texture: Texture) {
    const [u, v] = REPEAT[shape]
    texture.repeat.set(u, v)
  }

  function resize() {
    const width = Math.max(1, canvas.clientWidth)
    const height = Math.max(1, canvas.clientHeight)
    renderer.setSize(width, height, false)
    camera.aspect = width / height
    camera.updateProjectionMatrix()
    orbit.fitTo(height)
    requestRender()
  }
  const observer = new ResizeObserver(resize)
  observer.observe(canvas)

  function onContextLost(event: Event) {
    event.preventDefault()
    onStatus({ kind: 'context-lost' })
  }
  orbit.controls.addEventListener('change', place)
  canvas.addEventListener('webglcontextlost', onContextLost)

  const maxAnisotropy = renderer.capabilities.getMaxAnisotropy()
  const loader = new TextureLoader()
  onStatus({ kind: 'loading' })
  void Promise.all(
    maps.map(async (map) => {
      try {
        return { map, texture: await loader.loadAsync(sameOriginUrl(map.url)) }
      } catch {
        return { map, texture: undefined }
      }
    }),
  ).then((loaded) => {
    if (disposed) {
      for (const { texture } of loaded) texture?.dispose()
      return
    }
    for (const { map, texture } of loaded) {
      if (!texture) continue
      // Colour is authored in sRGB; every other map is data and must stay linear.
      if (map.slot === 'basecolor') texture.colorSpace = SRGBColorSpace
      texture.wrapS = RepeatWrapping
      texture.wrapT = RepeatWrapping
      texture.anisotropy = maxAnisotropy
      applyRepeat(texture)
      textures.push(texture)
      material[SLOT[map.slot]] = texture
      // three multiplies these maps by their factor, so a map only counts with the factor at 1.
      if (map.slot === 'roughness') material.roughness = 1
      if (map.slot === 'metalness') material.metalness = 1
      if (map.slot === 'normal' && map.flipGreen) material.normalScale.set(1, -1)
      if (map.slot === 'height') {
        material.displacementScale = DISPLACEMENT_SCALE
        material.displacementBias = -DISPLACEMENT_SCALE / 2
      }
    }
    material.needsUpdate = true
    requestRender()
    onStatus({ kind: 'ready', failed: loaded.flatMap(({ map, texture }) => (texture ? [] : [map])) })
  })

  place()
  resize()

  return {
    canvas,
    drawnBy: drawer,
    setShape(next) {
      if (disposed || next === shape) return
      shape = next
      mesh.geometry = geometries[next]
      // The plane can be orbited round to its back; the sphere's inside is never seen.
      material.side = next === 'plane' ? DoubleSide : FrontSide
      material.needsUpdate = true
      for (const texture of textures) applyRepeat(texture)
      requestRender()
    },
    setLightAngle(degrees) {
      if (disposed) return
      lightDegrees = degrees
      place()
    },
    dispose() {
      disposed = true
      cancelAnimationFrame(frame)
      observer.disconnect()
      orbit.controls.removeEventListener('change', place)
      orbit.dispose()
      canvas.removeEventListener('webglcontextlost', onContextLost)
      geometries.sphere.dispose()
      geometries.plane.dispose()
      material.dispose()
      for (const texture of textures) texture.dispose()
      environment?.dispose()
      renderer.dispose()
      // Give the context back now rather than at garbage collection: browsers cap live contexts.
      renderer.forceContextLoss()
      canvas.remove()
    },
  }
}
