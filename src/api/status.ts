// Every fact about a task status, in tables the compiler keeps complete.
import type { TaskStatus } from './task-view'

export const SETTLED = {
  pending: false,
  processing: false,
  completed: true,
  failed: true,
  cancelled: true,
  unknown: false,
} as const satisfies Record<TaskStatus, boolean>

export const STATUS_LABEL = {
  pending: 'Pending',
  processing: 'Processing',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  unknown: 'Unknown status',
} as const satisfies Record<TaskStatus, string>

export const STATUS_TONE = {
  pending: 'bg-stone-200 text-stone-800 dark:bg-stone-700 dark:text-stone-100',
  processing: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  completed: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  failed: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
  cancelled: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  unknown: 'bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100',
} as const satisfies Record<TaskStatus, string>

export function isSettled(status: TaskStatus): boolean {
  return SETTLED[status]
}
