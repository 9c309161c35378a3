import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './e2e/chromium'
import { E2E_PORT, FAKE_UPSTREAM, FAKE_UPSTREAM_PORT } from './e2e/ports'

const base = `http://127.0.0.1:${E2E_PORT}`
/** Specs that need what only the full Chromium has. */
const FULL_BROWSER_SPECS = /notify\.spec\.ts$/
/** Specs that count arrival times at the fake foxapi, which only an otherwise idle machine keeps to the millisecond. */
const ALONE_SPECS = /request-budget\.spec\.ts$/
// Each run builds the page into its own folder, so two runs on different ports never share one.
const staticDir = `node_modules/.cache/foxwatch-e2e-${E2E_PORT}`

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Per port, so two runs side by side never clear each other's results.
  outputDir: `test-results/port-${E2E_PORT}`,
  fullyParallel: true,
  // Two, one per core. Three took the run here from 9.2 to 7.4 minutes, but the extra load made
  // tests that watch demo and fake tasks in real time miss short phases (3 of 248 failed once).
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: base,
    // Actions, network and console only: screenshots and DOM snapshots of every step cost a
    // third of the suite's time on two cores (decision 0025).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
  },
  projects: [
    {
      // The headless shell: the same engine, lighter to run (decision 0025).
      name: 'browser',
      testIgnore: [FULL_BROWSER_SPECS, ALONE_SPECS],
      use: { launchOptions: { executablePath: chromiumPath({ headlessShell: true }), args: CHROMIUM_ARGS } },
    },
    {
      // The headless shell refuses notifications outright, whatever permission is granted.
      name: 'full browser',
      testMatch: FULL_BROWSER_SPECS,
      use: { launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } },
    },
    {
      // After the others, one test at a time (request-budget.spec.ts says why).
      name: 'alone',
      testMatch: ALONE_SPECS,
      dependencies: ['browser', 'full browser'],
      fullyParallel: false,
      use: { launchOptions: { executablePath: chromiumPath({ headlessShell: true }), args: CHROMIUM_ARGS } },
    },
  ],
  webServer: [
    {
      command: 'tsx e2e/fake-upstream.ts',
      url: `http://127.0.0.1:${FAKE_UPSTREAM_PORT}/__health`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `vite build --logLevel warn --outDir ${staticDir} --emptyOutDir && tsx e2e/foxwatch-under-test.ts`,
      url: `${base}/api/config`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(E2E_PORT),
        FOXWATCH_STATIC_DIR: staticDir,
        HOST: '127.0.0.1',
        FOXAPI_BASE_URL: FAKE_UPSTREAM,
        FOXWATCH_DEMO_PACE: '5',
        FOXWATCH_UPSTREAM_TIMEOUT_MS: '3000',
        FOXAPI_API_KEY: '',
        FOXWATCH_DEMO: '1',
      },
    },
  ],
})
