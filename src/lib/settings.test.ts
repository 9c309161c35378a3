// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'

// A fresh module per test, as a fresh page would load it: settings are cached once read.
const fresh = () => import('./settings')

beforeEach(() => {
  localStorage.clear()
  vi.resetModules()
})

describe('the preferences', () => {
  it('are the defaults when none are stored, read without their schema', async () => {
    const { loadStoredSettings, readSettings } = await fresh()
    await loadStoredSettings()
    expect(readSettings()).toEqual({ syncUpstream: true, autoKeep: false, notify: false, sound: false, theme: 'system', maxInFlight: 4, maxPerSecond: 5 })
  })

  it('are read through their schema once it is loaded, a bad value falling back alone', async () => {
    localStorage.setItem('foxwatch.settings', JSON.stringify({ theme: 'dark', maxInFlight: 99, sound: true }))
    const { loadStoredSettings, readSettings } = await fresh()
    await loadStoredSettings()
    expect(readSettings()).toMatchObject({ theme: 'dark', sound: true, maxInFlight: 4, syncUpstream: true })
  })

  it('are the defaults, and not cached, while the schema of stored ones has not come', async () => {
    localStorage.setItem('foxwatch.settings', JSON.stringify({ theme: 'dark' }))
    const { readSettings } = await fresh()
    expect(readSettings().theme).toBe('system')
    await vi.waitFor(() => expect(readSettings().theme).toBe('dark'))
  })

  it('are stored as changed, and read back as changed', async () => {
    const first = await fresh()
    first.updateSettings({ theme: 'light', maxPerSecond: 3 })
    vi.resetModules()
    const second = await fresh()
    await second.loadStoredSettings()
    expect(second.readSettings()).toMatchObject({ theme: 'light', maxPerSecond: 3 })
  })
})
