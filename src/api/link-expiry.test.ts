import { describe, expect, it } from 'vitest'
import type { Artifact } from './task-view'
import { linkExpiry, LINK_LIFETIME_MS } from './link-expiry'

const HOUR = 60 * 60 * 1000
const created = Date.UTC(2026, 10, 26, 8, 0, 0)
const image: Artifact = { kind: 'image', index: 0, url: 'https://cdn.foxapi.cc/a.png', contentType: 'image/png', width: 1, height: 1 }
const voice: Artifact = { kind: 'profile-id', index: 0, idKind: 'kling-voice', field: 'voice_id', id: 'v1', name: undefined }

describe('linkExpiry', () => {
  it.each([
    ['just created', 0, 'fresh', 24 * HOUR],
    ['after 21 hours 59 minutes', 22 * HOUR - 60_000, 'fresh', 2 * HOUR + 60_000],
    ['with exactly 2 hours left', 22 * HOUR, 'warning', 2 * HOUR],
    ['one minute before the end', 24 * HOUR - 60_000, 'warning', 60_000],
    ['at 24 hours', 24 * HOUR, 'expired', undefined],
    ['two days later', 48 * HOUR, 'expired', undefined],
  ] as const)('%s: %s', (_when, elapsed, state, remaining) => {
    const expiry = linkExpiry({ createdAt: created, artifacts: [image] }, created + elapsed)
    expect(expiry.state).toBe(state)
    if (expiry.state !== 'none') expect(expiry.expiresAt).toBe(created + LINK_LIFETIME_MS)
    if (expiry.state === 'fresh' || expiry.state === 'warning') expect(expiry.remainingMs).toBe(remaining)
  })

  it.each([
    ['a second', 1000],
    ['three hours', 3 * HOUR],
    ['a year', 365 * 24 * HOUR],
  ])('never lasts past 24 hours from now when created is %s in the future', (_ahead, ahead) => {
    const expiry = linkExpiry({ createdAt: created + ahead, artifacts: [image] }, created)
    expect(expiry).toEqual({ state: 'fresh', expiresAt: created + LINK_LIFETIME_MS, remainingMs: LINK_LIFETIME_MS })
  })

  it('has no clock without links or without a creation time', () => {
    expect(linkExpiry({ createdAt: created, artifacts: [voice] }, created).state).toBe('none')
    expect(linkExpiry({ createdAt: undefined, artifacts: [image] }, created).state).toBe('none')
  })
})
