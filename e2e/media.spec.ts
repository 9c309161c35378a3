// Looking at results closely: the image viewer, the video's facts, and the audio waveform.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

const MODEL = 'gemini-3.1-flash-image-preview'

async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible()
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
}

async function expectPlayable(media: Locator) {
  // HAVE_METADATA or better: the duration is known.
  await expect.poll(() => media.evaluate((m: HTMLMediaElement) => m.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
}

function viewerOf(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Image viewer' })
  return {
    dialog,
    image: dialog.getByRole('img'),
    position: dialog.getByRole('status', { name: 'Position' }),
    scale: dialog.getByRole('status', { name: 'Scale' }),
  }
}

async function widthOf(locator: Locator): Promise<number> {
  return (await locator.boundingBox())?.width ?? 0
}

/** Drops the sizes and lengths a result declares, so the page has to read them from the files. */
async function withoutDeclaredSizes(page: Page) {
  const declared = new Set(['width', 'height', 'duration'])
  await page.route(/\/api\/tasks\//, async (route) => {
    const response = await route.fetch()
    const body: unknown = JSON.parse(await response.text(), (key, value: unknown) => (declared.has(key) ? undefined : value))
    await route.fulfill({ response, body: JSON.stringify(body) })
  })
}

test.describe('the image viewer', () => {
  test('opens at the clicked image, moves with the arrow keys and buttons, and Escape gives focus back', async ({ page, taskPage }) => {
    await taskPage.openSettled('demo-image')
    const opener = page.getByRole('button', { name: 'Open image 2 in the viewer' })
    await opener.click()
    const viewer = viewerOf(page)
    await expect(viewer.dialog).toBeVisible()
    await expect(viewer.dialog).toHaveAttribute('aria-modal', 'true')
    await expect(viewer.dialog.getByRole('button', { name: 'Close' })).toBeFocused()
    await expect(viewer.position).toHaveText('2 of 3')
    await expect(viewer.image).toHaveAccessibleName(`Result 2 of ${MODEL}`)

    await page.keyboard.press('ArrowRight')
    await expect(viewer.position).toHaveText('3 of 3')
    await expect(viewer.image).toHaveAccessibleName(`Result 3 of ${MODEL}`)
    await page.keyboard.press('ArrowRight')
    await expect(viewer.position).toHaveText('1 of 3')
    await expect(viewer.image).toHaveAccessibleName(`Result 1 of ${MODEL}`)
    await page.keyboard.press('ArrowLeft')
    await expect(viewer.position).toHaveText('3 of 3')

    await viewer.dialog.getByRole('button', { name: 'Previous image' }).click()
    await expect(viewer.position).toHaveText('2 of 3')
    await expect(viewer.image).toHaveAccessibleName(`Result 2 of ${MODEL}`)
    await viewer.dialog.getByRole('button', { name: 'Next image' }).click()
    await expect(viewer.position).toHaveText('3 of 3')
    await expectLoaded(viewer.image)

    await page.keyboard.press('Escape')
    await expect(viewer.dialog).toBeHidden()
    await expect(opener).toBeFocused()
  })

  test('keeps Tab and Shift+Tab inside while it is open, and Close closes it', async ({ page, taskPage }) => {
    await taskPage.openSettled('demo-image')
    const opener = page.getByRole('button', { name: 'Open image 1 in the viewer' })
    await opener.click()
    const { dialog } = viewerOf(page)
    const focusInside = () => dialog.evaluate((element) => element.contains(document.activeElement))
    // More presses than the viewer has controls, so focus must wrap at least once each way.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      await expect.poll(focusInside).toBe(true)
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab')
      await expect.poll(focusInside).toBe(true)
    }
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toBeHidden()
    await expect(opener).toBeFocused()
  })

  test('shows the pixel size, zooms with keys and buttons, toggles fit and actual size, and pans a zoomed image', async ({ page, taskPage }) => {
    await taskPage.openSettled('demo-image')
    const cards = page.getByRole('region', { name: 'Images' })
    await expect(cards.getByText('Size 512×512')).toHaveCount(3)
    await page.getByRole('button', { name: 'Open image 1 in the viewer' }).click()
    const viewer = viewerOf(page)
    await expectLoaded(viewer.image)
    await expect(viewer.dialog.getByText('Size 512×512')).toBeVisible()

    const fitted = (await viewer.scale.textContent()) ?? ''
    expect(fitted).toMatch(/^\d+%$/)
    const fittedWidth = await widthOf(viewer.image)
    await page.keyboard.press('+')
    await expect(viewer.scale).not.toHaveText(fitted)
    await expect.poll(() => widthOf(viewer.image)).toBeGreaterThan(fittedWidth)

    await viewer.dialog.getByRole('button', { name: 'Fit' }).click()
    await expect(viewer.scale).toHaveText(fitted)
    await viewer.dialog.getByRole('button', { name: 'Actual size' }).click()
    await expect(viewer.scale).toHaveText('100%')
    await expect.poll(() => widthOf(viewer.image)).toBeCloseTo(512, 0)
    await viewer.dialog.getByRole('button', { name: 'Zoom in' }).click()
    await expect(viewer.scale).toHaveText('150%')
    await expect.poll(() => widthOf(viewer.image)).toBeCloseTo(768, 0)
    await viewer.dialog.getByRole('button', { name: 'Zoom out' }).click()
    await expect(viewer.scale).toHaveText('100%')
    await page.keyboard.press('-')
    await expect(viewer.scale).toHaveText('75%')

    // At 300% the image is far larger than the window: dragging and scrolling move it.
    for (const _ of [1, 2, 3, 4]) await page.keyboard.press('+')
    await expect(viewer.scale).toHaveText('300%')
    const before = await viewer.image.boundingBox()
    if (!before) throw new Error('The zoomed image has no box.')
    const centre = { x: 640, y: 400 }
    await page.mouse.move(centre.x, centre.y)
    await page.mouse.down()
    await page.mouse.move(centre.x - 100, centre.y - 100, { steps: 5 })
    await page.mouse.up()
    await expect.poll(async () => (await viewer.image.boundingBox())?.x).toBeCloseTo(before.x - 100, -1)
    await expect.poll(async () => (await viewer.image.boundingBox())?.y).toBeCloseTo(before.y - 100, -1)
    await page.mouse.wheel(0, 150)
    await expect.poll(async () => (await viewer.image.boundingBox())?.y).toBeLessThan(before.y - 200)
  })

  test('Save inside the viewer downloads the image on show, under the task ID and its position', async ({ page, taskPage }) => {
    const taskId = await taskPage.openSettled('demo-image')
    await page.getByRole('button', { name: 'Open image 1 in the viewer' }).click()
    const viewer = viewerOf(page)
    await page.keyboard.press('ArrowRight')
    await expect(viewer.position).toHaveText('2 of 3')
    const download = page.waitForEvent('download')
    await viewer.dialog.getByRole('button', { name: 'Save' }).click()
    expect((await download).suggestedFilename()).toBe(`${taskId}-2.png`)
  })

  test('an image that will not load says why instead of showing a broken icon', async ({ page, taskPage }) => {
    await page.route('**/demo/files/image-2.png', (route) => route.fulfill({ status: 404, body: 'gone' }))
    await taskPage.openSettled('demo-image')
    const cards = page.getByRole('region', { name: 'Images' })
    await expect(cards.getByText('This image could not be loaded; its link may have expired.')).toBeVisible()
    await expect(cards.getByRole('img')).toHaveCount(2)

    await page.getByRole('button', { name: 'Open image 1 in the viewer' }).click()
    const viewer = viewerOf(page)
    await page.keyboard.press('ArrowRight')
    await expect(viewer.position).toHaveText('2 of 3')
    await expect(viewer.dialog.getByText('This image could not be loaded; its link may have expired.')).toBeVisible()
    await expect(viewer.image).toHaveCount(0)
    await expect(viewer.scale).toHaveCount(0)
    // The next image still fits and zooms after a failed one.
    await page.keyboard.press('ArrowRight')
    await expect(viewer.position).toHaveText('3 of 3')
    await expectLoaded(viewer.image)
    await expect(viewer.scale).toHaveText(/^\d+%$/)
  })
})

test.describe('video', () => {
  test('shows duration, pixel size, content type and seed with Copy beside the player', async ({ page, taskPage }) => {
    await taskPage.openSettled('demo-video')
    const video = page.getByRole('region', { name: 'Video' })
    await expect(video.getByText('Duration 4 s')).toBeVisible()
    await expect(video.getByText('Size 480×270')).toBeVisible()
    await expect(video.getByText('Type video/mp4')).toBeVisible()
    await expect(video.getByText('1947203311', { exact: true })).toBeVisible()
    await expect(video.getByRole('button', { name: 'Copy seed' })).toBeVisible()
  })

  test('reads duration and size from the file when the result leaves them out', async ({ page, taskPage }) => {
    await withoutDeclaredSizes(page)
    await taskPage.openSettled('demo-video')
    const video = page.getByRole('region', { name: 'Video' })
    await expect(video.getByText(/^Duration 4(\.0)? s$/)).toBeVisible({ timeout: 15_000 })
    await expect(video.getByText('Size 480×270')).toBeVisible()
  })

  test('a video that will not load says why', async ({ page, taskPage }) => {
    await page.route('**/demo/files/video.mp4', (route) => route.fulfill({ status: 404, body: 'gone' }))
    await taskPage.openSettled('demo-video')
    await expect(page.getByText('This video could not be loaded; its link may have expired.')).toBeVisible()
  })
})

/** How many of the canvas's pixels have any paint on them. */
function paintedPixels(canvas: Locator) {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const data = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray()
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++
    return painted
  })
}

/** The average colour of the bars in the left and right fifths of the canvas. */
function barColours(canvas: Locator) {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d')
    const average = (from: number, to: number) => {
      const data = context?.getImageData(from, 0, to - from, element.height).data ?? new Uint8ClampedArray()
      const sum = [0, 0, 0]
      let count = 0
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) < 200) continue
        for (const c of [0, 1, 2]) sum[c] = (sum[c] ?? 0) + (data[i + c] ?? 0)
        count++
      }
      return sum.map((total) => (count ? Math.round(total / count) : -1))
    }
    const fifth = Math.floor(element.width / 5)
    return { left: average(0, fifth), right: average(element.width - fifth, element.width) }
  })
}

const audioScenarios = [
  { scenario: 'demo-audio', duration: /^Duration 4\.6 s$/ },
  { scenario: 'demo-voice-clone', duration: /^Duration \d+(\.\d)? s$/ },
]
for (const { scenario, duration } of audioScenarios) {
  test(`${scenario}: a waveform is drawn, and a click or the arrow keys on it seek the player`, async ({ page, taskPage }) => {
    await taskPage.openSettled(scenario)
    const region = page.getByRole('region', { name: 'Audio' })
    await expect(region.getByText(duration)).toBeVisible()
    await expect(region.getByText('Type audio/mpeg')).toBeVisible()
    const audio = region.getByLabel('Audio result 1', { exact: true })
    await expectPlayable(audio)

    const waveform = region.getByRole('slider', { name: 'Seek in audio 1' })
    await expect(waveform).toBeVisible({ timeout: 15_000 })
    await expect.poll(() => paintedPixels(waveform)).toBeGreaterThan(100)

    const box = await waveform.boundingBox()
    if (!box) throw new Error('The waveform has no box.')
    await waveform.click({ position: { x: box.width / 2, y: box.height / 2 } })
    // Within 15% of the half-way point.
    await expect
      .poll(() => audio.evaluate((a: HTMLMediaElement) => Math.abs(a.currentTime - a.duration / 2) / (a.duration / 2)))
      .toBeLessThan(0.15)
    const half = await audio.evaluate((a: HTMLMediaElement) => a.currentTime)
    await expect.poll(async () => Number(await waveform.getAttribute('aria-valuenow'))).toBeCloseTo(half, 0)
    // The played half is drawn in another colour than the rest.
    await expect.poll(async () => {
      const { left, right } = await barColours(waveform)
      return left.join() !== right.join()
    }).toBe(true)

    await expect(waveform).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => audio.evaluate((a: HTMLMediaElement) => a.currentTime)).toBeCloseTo(half + 1, 1)
    await page.keyboard.press('Home')
    await expect(waveform).toHaveAttribute('aria-valuenow', '0')
  })
}

test('audio that cannot be decoded keeps the plain player and no waveform', async ({ page, taskPage }) => {
  let served = false
  await page.route('**/api/file?**', (route) => {
    served = true
    return route.fulfill({ status: 200, contentType: 'audio/mpeg', body: 'this is not audio' })
  })
  await taskPage.openSettled('demo-audio')
  const region = page.getByRole('region', { name: 'Audio' })
  const audio = region.getByLabel('Audio result 1', { exact: true })
  await expectPlayable(audio)
  await expect.poll(() => served).toBe(true)
  await expect(region.getByText('Drawing the waveform…')).toHaveCount(0)
  await expect(region.getByRole('slider')).toHaveCount(0)
  await expect(audio).toBeVisible()
})
