// An axe-core scan of every kind of page foxwatch draws, in light and dark, plus the journeys a
// keyboard alone must manage: open a task, walk its images, reach a transcript's words.
import type { Locator, Page } from '@playwright/test'
import axe, { type AxeResults, type RunOptions } from 'axe-core'
import { POLICY } from '../src/api/polling'
import { demoClock, expect, heldDemoTask, settledDemoTask, test, type TaskPage } from './fixtures'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING = new Set(['serious', 'critical'])
/** The rules whose outcome a theme can change: the rest read structure, names and roles, which no theme touches. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

type WithAxe = { axe: typeof axe }

/**
 * Puts axe-core into each frame of the page that lacks it, once per page: its 550 kB script takes
 * about 0.4 s to evaluate here, and AxeBuilder's legacy mode evaluated it twice per frame and scan
 * (decision 0028). Same-origin frames only, as AxeBuilder configures it: foxwatch shows no other.
 */
async function injectAxe(page: Page) {
  for (const frame of page.frames()) {
    if (await frame.evaluate(() => 'axe' in window)) continue
    await frame.evaluate(axe.source)
    await frame.evaluate(() => {
      (window as unknown as WithAxe).axe.configure({ allowedOrigins: ['<same_origin>'] })
    })
  }
}

/**
 * Scans the page as it is now (every WCAG A/AA rule, or only `rules`); fails on serious or
 * critical violations, notes the rest. axe runs in the page itself, and only violations are
 * listed in full: passing nodes are never read.
 */
async function expectAccessible(page: Page, what: string, rules?: readonly string[]) {
  await injectAxe(page)
  const options: RunOptions = {
    runOnly: rules ? { type: 'rule', values: [...rules] } : { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  }
  const { violations } = await page.evaluate((given) => (window as unknown as WithAxe).axe.run(document, given), options) as AxeResults
  const describe = (v: (typeof violations)[number]) =>
    `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n${v.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n')}`
  for (const lesser of violations.filter((v) => !BLOCKING.has(v.impact ?? ''))) {
    test.info().annotations.push({ type: `axe ${lesser.impact ?? 'unknown'}`, description: `${what}: ${describe(lesser)}` })
  }
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? '')).map(describe)
  expect(blocking, `${what}: serious or critical accessibility violations`).toEqual([])
}

/**
 * Scans the page in the light theme, then turns the system to dark (the page follows it, as the
 * Theme setting "System" does) and scans its colours again: one page load for both, with colour
 * transitions run out before each scan so contrast is measured on the colours that stay.
 */
async function expectAccessibleInBothThemes(page: Page, what: string) {
  const html = page.locator('html')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    if (scheme === 'dark') await expect(html).toHaveClass(/\bdark\b/)
    else await expect(html).not.toHaveClass(/\bdark\b/)
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)))
    await expectAccessible(page, `${what} (${scheme})`, scheme === 'dark' ? COLOUR_RULES : undefined)
  }
}

/** Goes to the history, kept and IDs pages in turn, as a person would, and scans each once drawn. */
async function expectSectionPagesAccessible(taskPage: TaskPage, where: string) {
  const { page } = taskPage
  for (const [name, ready] of [
    ['History', page.getByRole('list', { name: 'Task history' })],
    ['Kept', page.getByText('Nothing kept yet.')],
    ['IDs', page.getByRole('list', { name: 'Saved IDs' })],
  ] as const) {
    await taskPage.section(name)
    await expect(ready).toBeVisible()
    await expectAccessibleInBothThemes(page, `${name} page${where}`)
  }
}

async function openCompleted(taskPage: TaskPage, scenario: string) {
  await taskPage.openSettled(`demo-${scenario}`)
}

/** Each family, and what shows once its renderer has loaded and drawn, so the scan sees the result. */
const FAMILIES: ReadonlyArray<{ scenario: string; ready: (page: Page) => Locator }> = [
  { scenario: 'image', ready: (page) => page.getByRole('img', { name: /^Result 3 of/ }) },
  { scenario: 'video', ready: (page) => page.getByRole('button', { name: 'Copy seed' }) },
  { scenario: 'audio', ready: (page) => page.getByRole('slider', { name: 'Seek in audio 1' }) },
  { scenario: 'chat', ready: (page) => page.getByRole('region', { name: 'Choice 1' }).getByRole('heading', { name: 'Polling a foxapi task' }) },
  { scenario: 'chat-tools', ready: (page) => page.getByRole('group', { name: 'Tool call get_weather' }) },
  { scenario: 'transcript', ready: (page) => page.getByRole('group', { name: 'Word timeline' }).getByRole('button').first() },
  { scenario: 'pbr', ready: (page) => page.getByRole('img', { name: 'Height map' }) },
  { scenario: 'material', ready: (page) => page.getByRole('img', { name: 'Texture 1' }) },
  { scenario: 'voice-clone', ready: (page) => page.getByRole('slider', { name: 'Seek in audio 1' }) },
  { scenario: 'sora-character', ready: (page) => page.getByRole('region', { name: 'Reusable IDs' }).getByRole('button', { name: 'Copy ID' }) },
  { scenario: 'unknown', ready: (page) => page.getByLabel('Result 1 as JSON') },
]

test.describe('in the light and the dark theme', () => {
  test.use({ colorScheme: 'light' })

  test('the home page, with its settings and key menus open, has no serious accessibility violations', async ({ page, taskPage }) => {
    await page.goto('/')
    await expect(page.getByRole('link', { name: /Watch demo: Three generated images/ })).toBeVisible()
    await expectAccessibleInBothThemes(page, 'home page')
    await taskPage.openSettings()
    await expectAccessibleInBothThemes(page, 'settings menu')
    await page.getByRole('button', { name: 'Add key' }).click()
    await expect(page.getByLabel('API key', { exact: true })).toBeFocused()
    await expectAccessibleInBothThemes(page, 'key menu')
  })

  test('the history, kept and IDs pages at phone width have no serious accessibility violations', async ({ page, taskPage }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`/?watch=${await settledDemoTask('demo-sora-character')}`)
    await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')).toHaveText('Completed')
    await expectSectionPagesAccessible(taskPage, ' at 390 px')
  })

  test('a task page with the watchlist beside it and a toast has no serious accessibility violations', async ({ page }) => {
    const running = await heldDemoTask('demo-image')
    const other = await settledDemoTask('demo-video')
    await page.clock.install()
    await page.goto(`/?watch=${running},${other}`)
    await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')).toHaveText(['Pending', 'Completed'])
    await page.getByRole('link', { name: other, exact: true }).click()
    await expect(page.getByRole('navigation', { name: 'Watchlist beside the task' })).toBeVisible()
    await demoClock.settle(running)
    // The list beside the task asks again at the policy's slowest; the page's clock is moved past it.
    await page.clock.runFor(POLICY.steadyMs)
    await expect(page.getByRole('region', { name: 'Finished while you were elsewhere' })).toBeVisible()
    await expectAccessibleInBothThemes(page, 'task page beside the watchlist, with a toast')
  })

  test('the watchlist with rows, the history, the kept and the IDs pages have no serious accessibility violations', async ({ page, taskPage }) => {
    await taskPage.openSettled('demo-kling-voice')
    await taskPage.addToWatchlist()
    await page.getByRole('link', { name: 'foxwatch' }).click()
    await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')).toHaveText('Completed')
    await expectAccessibleInBothThemes(page, 'watchlist')
    await expectSectionPagesAccessible(taskPage, '')
  })

  for (const { scenario, ready } of FAMILIES) {
    test(`a completed demo-${scenario} task page has no serious accessibility violations`, async ({ page, taskPage }) => {
      await openCompleted(taskPage, scenario)
      await expect(ready(page)).toBeVisible()
      await expectAccessibleInBothThemes(page, `demo-${scenario}`)
    })
  }

  test('a failed task page has no serious accessibility violations', async ({ page, taskPage }) => {
    await taskPage.openSettled('demo-failed', 'Failed')
    await expectAccessibleInBothThemes(page, 'demo-failed')
  })

  test('the image viewer has no serious accessibility violations', async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'image')
    await page.getByRole('button', { name: 'Open image 2 in the viewer' }).click()
    const dialog = page.getByRole('dialog', { name: 'Image viewer' })
    await expect(dialog.getByRole('img')).toBeVisible()
    await expectAccessibleInBothThemes(page, 'image viewer')
  })

  test('the 3D preview has no serious accessibility violations', async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'pbr')
    await page.getByRole('button', { name: 'Show 3D preview' }).click()
    await expect(page.getByRole('img', { name: /^3D preview of the material/ })).toBeVisible()
    await expectAccessibleInBothThemes(page, '3D preview')
  })

  test("a transcript's current word, in both views, has no serious accessibility violations", async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'transcript')
    const word = page.getByRole('group', { name: 'Word timeline' }).getByRole('button', { name: /^Welcome, / })
    await word.click()
    await expect(word).toHaveAttribute('aria-current', 'true')
    await expectAccessibleInBothThemes(page, 'transcript with a current word')
  })

  test('a task page at phone width has no serious accessibility violations', async ({ page, taskPage }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await openCompleted(taskPage, 'transcript')
    await expect(page.getByRole('group', { name: 'Word timeline' }).getByRole('button').first()).toBeVisible()
    await expectAccessibleInBothThemes(page, 'demo-transcript at 390 px')
  })

  for (const width of [1280, 390]) {
    test(`a watchlist with settled and running rows, ${width} px wide, has no serious accessibility violations`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 })
      const settled = await Promise.all(['image', 'failed', 'pbr'].map((scenario) => settledDemoTask(`demo-${scenario}`)))
      const ids = [...settled, await heldDemoTask('demo-slow')]
      await demoClock.advance(ids[3] ?? '', 20_000)
      await page.goto(`/?watch=${ids.join(',')}`)
      const table = page.getByRole('table', { name: 'Watched tasks' })
      await expect(table.getByTestId('watch-status')).toHaveText(['Completed', 'Failed', 'Completed', 'Processing'])
      await expect(table.getByRole('img', { name: /^First result of/ })).toHaveCount(2)
      await expectAccessibleInBothThemes(page, `watchlist at ${width} px`)
      // Two rows selected: their tint, and the bar over the foot of the window.
      await page.getByRole('checkbox', { name: `Select ${ids[0] ?? ''}` }).check()
      await page.getByRole('checkbox', { name: `Select ${ids[1] ?? ''}` }).check()
      await expect(page.getByRole('group', { name: 'Selected tasks' })).toContainText('2 selected')
      await expectAccessibleInBothThemes(page, `watchlist with a selection at ${width} px`)
    })
  }

  test('a real task without a key, then the key setting once used, have no serious accessibility violations', async ({ page, taskPage }) => {
    await taskPage.open('task-unified-1757165031-uyujaw3d')
    await expect(taskPage.alert).toContainText('needs a foxapi API key')
    await expectAccessibleInBothThemes(page, 'real task without a key')
    await taskPage.useKey('sk-test-a11y-0123456789')
    await expect(page.getByRole('button', { name: 'Forget key' })).toBeVisible()
    await expectAccessibleInBothThemes(page, 'settings with a key kept')
  })
})

test.describe('from the keyboard alone', () => {
  test('Tab first reaches a skip link to the main content, and every control on the way has the one focus ring', async ({ page }) => {
    const ids = [await settledDemoTask('demo-image'), await heldDemoTask('demo-slow')]
    await page.goto(`/?watch=${ids.join(',')}`)
    await expect(page.getByRole('table', { name: 'Watched tasks' }).getByTestId('watch-status')).toHaveText(['Completed', /Pending|Processing/])
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to main content' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    // Each stop of Tab through the header and the watchlist, with the ring it draws.
    const rings = new Map<string, string>()
    for (let presses = 0; presses < 40; presses++) {
      const [what, ring] = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement
        const style = getComputedStyle(element)
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? ''
        const kind = element instanceof HTMLInputElement ? `input[${element.type}]` : element.tagName.toLowerCase()
        return [`${kind} "${name}"`, `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`]
      })
      // Past the last control, Tab leaves the page.
      if (what.startsWith('body')) break
      rings.set(what, ring)
      await page.keyboard.press('Tab')
    }
    const kinds = [...rings.keys()].map((what) => what.split(' ')[0])
    // The walk met links, buttons, a tick box, the text fields and the selects.
    expect(new Set(kinds)).toEqual(new Set(['a', 'button', 'textarea', 'input[search]', 'select', 'input[checkbox]', 'summary']))
    // One ring: the skip link's, a solid 2 px line, on every control.
    const one = rings.values().next().value ?? ''
    expect(one).toMatch(/^solid 2px /)
    expect(Object.fromEntries([...rings].filter(([, ring]) => ring !== one)), 'controls whose focus ring differs').toEqual({})

    // Enter on it moves focus past the header, and the address stays as it was.
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Watchlist' })).toBeVisible()
    await page.keyboard.press('Tab')
    await expect(skip).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('main')).toBeFocused()
    await expect(page).toHaveURL(/\/$/)
  })

  test('Tab reaches the Task ID field, and Enter opens the typed ID', async ({ page, taskPage }) => {
    await page.goto('/')
    await expect(page.getByRole('link', { name: /Watch demo: Three generated images/ })).toBeVisible()
    const field = page.getByRole('textbox', { name: 'Task ID', exact: true })
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('Tab')
      if (await field.evaluate((input) => input === document.activeElement)) break
    }
    await expect(field).toBeFocused()
    const id = await settledDemoTask('demo-audio')
    await page.keyboard.type(id)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`/tasks/${id}$`))
    await expect(taskPage.status).toHaveText('Completed')
  })

  test('Settings opens from the keyboard, and Escape closes it with focus back on its button', async ({ page }) => {
    await page.goto('/')
    const button = page.getByRole('button', { name: 'Settings', exact: true })
    await button.focus()
    await page.keyboard.press('Enter')
    await expect(button).toHaveAttribute('aria-expanded', 'true')
    // The panel is a chunk of its own, fetched as focus came to the button: Tab once it shows.
    const sync = page.getByRole('checkbox', { name: 'Sync with provider' })
    await expect(sync).toBeVisible()
    await page.keyboard.press('Tab')
    await expect(sync).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('group', { name: 'Settings' })).toHaveCount(0)
    await expect(button).toBeFocused()
    await expect(button).toHaveAttribute('aria-expanded', 'false')
  })

  test('an image opens in the viewer with Enter, arrows walk the images, Escape closes', async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'image')
    const opener = page.getByRole('button', { name: 'Open image 1 in the viewer' })
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press('Tab')
      if (await opener.evaluate((button) => button === document.activeElement)) break
    }
    await expect(opener).toBeFocused()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Image viewer' })
    const position = dialog.getByRole('status', { name: 'Position' })
    await expect(position).toHaveText('1 of 3')
    await page.keyboard.press('ArrowRight')
    await expect(position).toHaveText('2 of 3')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await expect(position).toHaveText('3 of 3')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(opener).toBeFocused()
  })

  test("Tab reaches the transcript's word timeline buttons", async ({ page, taskPage }) => {
    await openCompleted(taskPage, 'transcript')
    const timeline = page.getByRole('group', { name: 'Word timeline' })
    const firstWord = timeline.getByRole('button', { name: /^Welcome, 0:00\.\d\d/ })
    await expect(firstWord).toBeVisible()
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press('Tab')
      if (await timeline.evaluate((group) => group.contains(document.activeElement))) break
    }
    await expect(firstWord).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(timeline.getByRole('button').nth(1)).toBeFocused()
  })
})
