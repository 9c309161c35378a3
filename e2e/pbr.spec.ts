// PBR texture sets: the maps in their fixed order with real sizes, textures with a tiling
// preview, and a lit 3D preview whose code (three.js) is fetched only when asked for.
import type { Locator, Page } from '@playwright/test'
import { expect, TaskPage, test } from './fixtures'

/** How much of the canvas is drawn on (its background is transparent), and a fingerprint of it. */
async function readPicture(canvas: Locator) {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const copy = document.createElement('canvas')
    copy.width = element.width
    copy.height = element.height
    const context = copy.getContext('2d')
    if (!context) throw new Error('No 2D context to read the 3D preview back with')
    context.drawImage(element, 0, 0)
    const { data } = context.getImageData(0, 0, copy.width, copy.height)
    let painted = 0
    let fingerprint = 0
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) > 0) painted += 1
      fingerprint = (Math.imul(fingerprint, 31) + (data[i] ?? 0) + 7 * (data[i + 1] ?? 0) + 13 * (data[i + 2] ?? 0)) | 0
    }
    return { painted: painted / (data.length / 4), fingerprint }
  })
}

/** Waits until two readings in a row agree: the maps are in and nothing is still being drawn. */
async function settledPicture(canvas: Locator): Promise<number> {
  let last: number | undefined
  await expect
    .poll(async () => {
      const { fingerprint } = await readPicture(canvas)
      const same = fingerprint === last
      last = fingerprint
      return same
    })
    .toBe(true)
  return last ?? 0
}

/** Every script the page fetched, with its text, so a test can ask whether three.js was among them. */
function recordScripts(page: Page) {
  const bodies: Array<Promise<string>> = []
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.text().catch(() => ''))
  })
  return {
    // three.js names its renderer in its own warnings; no other code on the page does.
    async includeThree() {
      return (await Promise.all(bodies)).some((body) => body.includes('THREE.WebGLRenderer'))
    },
  }
}

async function openCompleted(page: Page, scenario: string) {
  await new TaskPage(page).openSettled(scenario)
}

test('a PBR set shows its maps in the fixed order, each with its real pixel size and a full-size link', async ({ page }) => {
  await openCompleted(page, 'demo-pbr')
  const maps = page.getByRole('region', { name: 'PBR maps' })
  const images = maps.getByRole('img')
  const expected = ['Base color map', 'Normal map', 'Roughness map', 'Metalness map', 'Height map']
  await expect(images).toHaveCount(expected.length)
  for (const [i, name] of expected.entries()) await expect(images.nth(i)).toHaveAccessibleName(name)
  // The size comes from the decoded image: the demo sends none.
  await expect(maps.getByText('256×256', { exact: true })).toHaveCount(5)
  await expect(maps.getByRole('link', { name: 'Normal map' })).toHaveAttribute('href', /\/demo\/files\/pbr-normal\.png$/)
})

test('a material shows its texture apart with a 3×3 tiling preview, and folds vendor map names in', async ({ page }) => {
  await openCompleted(page, 'demo-material')
  const textures = page.getByRole('region', { name: 'Textures' })
  await expect(textures.getByRole('img', { name: 'Texture 1', exact: true })).toBeVisible()
  await expect(textures.getByText('256×256', { exact: true })).toBeVisible()

  const tile = textures.getByRole('button', { name: 'Tile 3×3' })
  const tiled = textures.getByRole('img', { name: 'Texture 1, tiled 3×3' })
  await expect(tile).toHaveAttribute('aria-pressed', 'false')
  await expect(tiled).toHaveCount(0)
  await tile.click()
  await expect(tile).toHaveAttribute('aria-pressed', 'true')
  await expect(tiled).toBeVisible()
  await expect(tiled).toHaveCSS('background-repeat', 'repeat')
  await expect(tiled).toHaveCSS('background-size', /^33\.33\d*% 33\.33\d*%$/)
  await tile.click()
  await expect(tiled).toHaveCount(0)

  const maps = page.getByRole('region', { name: 'PBR maps' })
  const images = maps.getByRole('img')
  const expected = ['Base color map', 'Normal map', 'Roughness map', 'Height map']
  await expect(images).toHaveCount(expected.length)
  for (const [i, name] of expected.entries()) await expect(images.nth(i)).toHaveAccessibleName(name)
  await expect(maps.getByText('(sent as albedo)')).toBeVisible()
  await expect(maps.getByText('(sent as displacement)')).toBeVisible()
  await expect(maps.getByText('256×256', { exact: true })).toHaveCount(4)

  await maps.getByRole('button', { name: 'Show 3D preview' }).click()
  await expect(maps.getByText('Applied: Base color, Normal, Roughness, Height. Not sent, so left out: Metalness, Ambient occlusion.')).toBeVisible()
})

test('the 3D preview fetches three.js only when asked, then draws the lit material', async ({ page }) => {
  const scripts = recordScripts(page)
  await openCompleted(page, 'demo-pbr')
  const show = page.getByRole('button', { name: 'Show 3D preview' })
  await expect(show).toBeVisible()
  await expect(page.getByRole('img', { name: 'Height map' })).toBeVisible()
  expect(await scripts.includeThree()).toBe(false)

  await show.click()
  await expect.poll(() => scripts.includeThree()).toBe(true)
  const canvas = page.getByRole('img', { name: '3D preview of the material on a sphere, lit from the front left' })
  await expect(canvas).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Drag the picture' })).toBeVisible()
  // A sphere filling most of the height covers well over a fifth of a 4:3 canvas.
  await expect.poll(async () => (await readPicture(canvas)).painted).toBeGreaterThan(0.2)
})

test('dragging or the arrow keys turn the 3D view, the wheel zooms it, the light slider moves the light, and the plane replaces the sphere', async ({ page }) => {
  await openCompleted(page, 'demo-pbr')
  await page.getByRole('button', { name: 'Show 3D preview' }).click()
  const canvas = page.getByRole('img', { name: /^3D preview of the material/ })
  await expect(page.getByRole('status').filter({ hasText: 'Drag the picture' })).toBeVisible()

  const start = await settledPicture(canvas)
  await canvas.dragTo(canvas, { sourcePosition: { x: 120, y: 150 }, targetPosition: { x: 260, y: 170 } })
  await expect.poll(async () => (await readPicture(canvas)).fingerprint).not.toBe(start)

  const dragged = await settledPicture(canvas)
  await canvas.press('ArrowLeft')
  await expect.poll(async () => (await readPicture(canvas)).fingerprint).not.toBe(dragged)

  // Nearer, the sphere covers more of the canvas.
  await settledPicture(canvas)
  const far = (await readPicture(canvas)).painted
  await canvas.hover()
  await page.mouse.wheel(0, -400)
  await expect.poll(async () => (await readPicture(canvas)).painted).toBeGreaterThan(far + 0.05)

  const turned = await settledPicture(canvas)
  const slider = page.getByRole('slider', { name: 'Light direction' })
  await slider.fill('90')
  await expect(slider).toHaveAttribute('aria-valuetext', 'from the right, 90°')
  await expect(canvas).toHaveAccessibleName('3D preview of the material on a sphere, lit from the right')
  await expect.poll(async () => (await readPicture(canvas)).fingerprint).not.toBe(turned)

  const relit = await settledPicture(canvas)
  await page.getByRole('button', { name: 'Plane' }).click()
  await expect(page.getByRole('button', { name: 'Plane' })).toHaveAttribute('aria-pressed', 'true')
  await expect(canvas).toHaveAccessibleName('3D preview of the material on a plane, lit from the right')
  await expect.poll(async () => (await readPicture(canvas)).fingerprint).not.toBe(relit)
  await expect.poll(async () => (await readPicture(canvas)).painted).toBeGreaterThan(0.2)

  await page.getByRole('button', { name: 'Hide 3D preview' }).click()
  await expect(canvas).toHaveCount(0)
})

test('without WebGL, the 3D preview says so in a sentence and the maps stay', async ({ page }) => {
  // A browser with WebGL turned off: every WebGL context request is refused.
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext
    Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
      value(this: HTMLCanvasElement, type: string, options?: unknown) {
        return type.startsWith('webgl') ? null : getContext.call(this, type, options)
      },
    })
  })
  await openCompleted(page, 'demo-pbr')
  await page.getByRole('button', { name: 'Show 3D preview' }).click()
  await expect(page.getByRole('alert')).toHaveText(/could not start WebGL, which the 3D preview needs/)
  await expect(page.getByRole('img', { name: /^3D preview/ })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'PBR maps' }).getByRole('img')).toHaveCount(5)
})
