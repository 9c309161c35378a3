// How long a task's result links have left. foxapi keeps result URLs for 24 hours and does not
// say when a task finished, so the clock runs, conservatively, from `created`.
import type { TaskView } from './task-view'
import { hasUrl } from './task-view'

export const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000
export const WARNING_MS = 2 * 60 * 60 * 1000

export type LinkExpiry =
  | { state: 'none' }
  | { state: 'fresh' | 'warning'; expiresAt: number; remainingMs: number }
  | { state: 'expired'; expiresAt: number }

export function linkExpiry(task: Pick<TaskView, 'createdAt' | 'artifacts'>, now: number): LinkExpiry {
  if (task.createdAt === undefined || !task.artifacts.some(hasUrl)) return { state: 'none' }
  // A `created` ahead of this computer's clock means foxapi's clock runs ahead; the links were made
  // no later than now, so they cannot outlive now + 24 hours.
  const expiresAt = Math.min(task.createdAt, now) + LINK_LIFETIME_MS
  const remainingMs = expiresAt - now
  if (remainingMs <= 0) return { state: 'expired', expiresAt }
  return { state: remainingMs <= WARNING_MS ? 'warning' : 'fresh', expiresAt, remainingMs }
}
