// How the lightbox zooms: 'fit' follows the window, a number is a scale of the image's own pixels.

export type Size = { width: number; height: number }
export type Zoom = 'fit' | number

/** Stops the +/− keys land on, so the scale reads as round percentages a person can compare. */
export const MIN_SCALE = 0.1
export const MAX_SCALE = 8
const STEPS = [MIN_SCALE, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, MAX_SCALE] as const

/** The scale at which the whole image fits the box; may be above 1, so small images fill it. */
export function fitScale(image: Size, box: Size): number {
  if (image.width <= 0 || image.height <= 0 || box.width <= 0 || box.height <= 0) return 1
  return Math.min(box.width / image.width, box.height / image.height)
}

/** The next stop above `scale`; a scale already between stops goes to the nearest one above. */
export function zoomedIn(scale: number): number {
  return STEPS.find((step) => step > scale * 1.001) ?? MAX_SCALE
}

export function zoomedOut(scale: number): number {
  return [...STEPS].reverse().find((step) => step < scale * 0.999) ?? MIN_SCALE
}

export function formatScale(scale: number): string {
  return `${Math.round(scale * 100)}%`
}

export function formatPixels(size: Size): string {
  return `${size.width}×${size.height}`
}
