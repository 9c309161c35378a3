// @vitest-environment jsdom
import { PerspectiveCamera } from 'three'
import { afterEach, describe, expect, it } from 'vitest'
import { createOrbit, START_VIEW, type Orbit } from './orbit'

const made: Orbit[] = []
afterEach(() => {
  for (const orbit of made.splice(0)) orbit.dispose()
})

/** An orbit on an element of the given height, as the preview's canvas would be. */
function orbitOn(height = 480) {
  const element = document.createElement('canvas')
  // jsdom lays nothing out and has no pointer capture; OrbitControls needs both.
  Object.defineProperty(element, 'clientHeight', { value: height })
  element.setPointerCapture = () => {}
  element.releasePointerCapture = () => {}
  document.body.append(element)
  const camera = new PerspectiveCamera(35, 4 / 3, 0.1, 50)
  const orbit = createOrbit(camera, element)
  orbit.fitTo(height)
  made.push(orbit)
  return { element, camera, orbit, controls: orbit.controls }
}

function press(element: HTMLElement, key: string) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  element.dispatchEvent(event)
  return event
}

function wheel(element: HTMLElement, deltaY: number) {
  const event = new WheelEvent('wheel', { deltaY, bubbles: true, cancelable: true })
  element.dispatchEvent(event)
  return event
}

function drag(element: HTMLElement, dx: number, dy: number) {
  const at = { pointerId: 1, pointerType: 'mouse', button: 0, bubbles: true }
  element.dispatchEvent(new PointerEvent('pointerdown', { ...at, clientX: 100, clientY: 100 }))
  document.dispatchEvent(new PointerEvent('pointermove', { ...at, clientX: 100 + dx, clientY: 100 + dy }))
  document.dispatchEvent(new PointerEvent('pointerup', { ...at, clientX: 100 + dx, clientY: 100 + dy }))
}

describe('createOrbit', () => {
  it('starts where the preview always has, looking at the middle', () => {
    const { controls } = orbitOn()
    expect(controls.getDistance()).toBeCloseTo(START_VIEW.distance)
    expect(controls.getAzimuthalAngle()).toBeCloseTo(START_VIEW.azimuth)
    expect(controls.getPolarAngle()).toBeCloseTo(START_VIEW.polar)
    expect(controls.target.length()).toBe(0)
  })

  it('turns 0.01 radians per pixel dragged, whatever the canvas height', () => {
    for (const height of [300, 720]) {
      const { element, controls } = orbitOn(height)
      drag(element, 50, -20)
      expect(controls.getAzimuthalAngle()).toBeCloseTo(START_VIEW.azimuth - 0.5)
      expect(controls.getPolarAngle()).toBeCloseTo(START_VIEW.polar + 0.2)
    }
  })

  it('turns for the arrow keys as a 24-pixel drag would, and leaves other keys alone', () => {
    const { element, controls } = orbitOn()
    expect(press(element, 'ArrowRight').defaultPrevented).toBe(true)
    expect(controls.getAzimuthalAngle()).toBeCloseTo(START_VIEW.azimuth - 0.24)
    press(element, 'ArrowLeft')
    press(element, 'ArrowLeft')
    expect(controls.getAzimuthalAngle()).toBeCloseTo(START_VIEW.azimuth + 0.24)
    press(element, 'ArrowDown')
    expect(controls.getPolarAngle()).toBeCloseTo(START_VIEW.polar - 0.24)

    const before = controls.object.position.clone()
    expect(press(element, 'a').defaultPrevented).toBe(false)
    expect(press(element, 'Tab').defaultPrevented).toBe(false)
    expect(controls.object.position.equals(before)).toBe(true)
  })

  it('stops short of the poles, so the view never flips over', () => {
    const { element, controls } = orbitOn()
    for (let i = 0; i < 30; i += 1) press(element, 'ArrowDown')
    expect(controls.getPolarAngle()).toBeCloseTo(0.15)
    for (let i = 0; i < 30; i += 1) press(element, 'ArrowUp')
    expect(controls.getPolarAngle()).toBeCloseTo(Math.PI - 0.15)
  })

  it('zooms with the wheel instead of scrolling the page, within bounds', () => {
    const { element, controls } = orbitOn()
    expect(wheel(element, -100).defaultPrevented).toBe(true)
    const nearer = controls.getDistance()
    expect(nearer).toBeLessThan(START_VIEW.distance)
    expect(controls.getAzimuthalAngle()).toBeCloseTo(START_VIEW.azimuth)

    for (let i = 0; i < 50; i += 1) wheel(element, -100)
    expect(controls.getDistance()).toBeCloseTo(1.5)
    for (let i = 0; i < 100; i += 1) wheel(element, 100)
    expect(controls.getDistance()).toBeCloseTo(9)
  })

  it('does not pan, so the object stays in the middle', () => {
    const { element, controls } = orbitOn()
    element.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, pointerType: 'mouse', button: 2, clientX: 10, clientY: 10 }))
    document.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, pointerType: 'mouse', clientX: 200, clientY: 90 }))
    document.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, pointerType: 'mouse', clientX: 200, clientY: 90 }))
    expect(controls.target.length()).toBe(0)
  })

  it("leaves the browser's context menu, for copying or saving the picture", () => {
    const { element } = orbitOn()
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 })
    element.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(false)
  })

  it('hears nothing once disposed, and gives the page its touch scrolling back', () => {
    const { element, controls, orbit } = orbitOn()
    expect(element.style.touchAction).toBe('none')
    orbit.dispose()
    const before = controls.object.position.clone()
    expect(press(element, 'ArrowRight').defaultPrevented).toBe(false)
    expect(wheel(element, -100).defaultPrevented).toBe(false)
    drag(element, 80, 0)
    expect(controls.object.position.equals(before)).toBe(true)
    expect(element.style.touchAction).toBe('')
  })
})
