// Done means noticed (and remembered: each answer updates the history): when a watched task settles, the tab title counts it until seen, the icon
// gets a dot, screen readers hear it, a toast with a link shows when the person is elsewhere, and
// (if the person asked) a notification and a sound come.
import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useState } from 'react'
import type { Toast } from './settle-toasts'
import { routeOf } from '../lib/router'
import type { TaskView } from '../api/task-view'
import { markSeen, markUnseen, useUnseen } from '../lib/page-title'
import { readSettings } from '../lib/settings'
import { isSettled, STATUS_LABEL } from '../api/status'
import type { TaskWatch } from '../api/task-watch'
import { remember } from './history'
import type { HistoryEntry } from './history-entry'

/** What the history keeps of a task as it is now. */
function historyEntryOf({ id, model, status }: TaskView): HistoryEntry {
  return { taskId: id, status, seenAt: Date.now(), ...(model === undefined ? {} : { model }) }
}

function isTaskWatch(value: unknown): value is TaskWatch {
  return typeof value === 'object' && value !== null && 'history' in value && Array.isArray(value.history) && 'updatedAt' in value
}

/** The task this update settled, if it just did (not one that was settled when first seen). */
export function justSettled(watch: TaskWatch): TaskView | undefined {
  const last = watch.history.at(-1)
  if (!watch.task || !last || !isSettled(last.status) || watch.history.length < 2) return undefined
  return last.at === watch.updatedAt ? watch.task : undefined
}

// The toasts and the chime are a chunk of their own, fetched with the first settle: a page that
// has seen none needs neither.
const loadToasts = () => import('./settle-toasts')
const SettleToasts = lazy(() => loadToasts().then((module) => ({ default: module.SettleToasts })))
/** At most this many at once; the oldest goes first. */
const MAX_TOASTS = 3

/** Mounted once, beside the pages: listens to every task query's updates. */
export function SettleNotices() {
  const queryClient = useQueryClient()
  const [announcement, setAnnouncement] = useState('')
  const [toasts, setToasts] = useState<Toast[]>([])

  useEffect(() => {
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return
      const watch: unknown = event.query.state.data
      if (!isTaskWatch(watch)) return
      // Every answer also updates the history, which outlives the watchlist.
      if (watch.task) {
        const { status } = watch.task
        remember(historyEntryOf(watch.task))
        // A voice or profile ID made by a task finished in the watchlist is kept too, even if the
        // task's page is never opened (the ID outlives the task's links and the watchlist).
        if (status === 'completed') {
          const done = watch.task
          void import('../shelf/id-shelf').then((shelf) => shelf.shelveIds(done, Date.now()), () => undefined)
        }
      }
      const task = justSettled(watch)
      if (!task) return
      // How long it took goes into the history too; the timing code loads with the first settle.
      void import('../api/task-timing').then(({ tookOf }) => {
        const took = tookOf(task, watch.history)
        if (took) remember({ ...historyEntryOf(task), tookMs: took.totalMs })
      }, () => undefined)
      const sentence = `Task ${task.id} ${STATUS_LABEL[task.status].toLowerCase()}.`
      setAnnouncement(sentence)
      const route = routeOf(window.location.pathname)
      const looking = !document.hidden && (route.page === 'home' || (route.page === 'task' && route.taskId === task.id))
      if (!looking) {
        markUnseen(task.id)
        // Noticed from anywhere: a toast with a link, beside the title's count and the icon's dot.
        const asked = event.query.queryKey[1]
        const taskId = typeof asked === 'string' ? asked : task.id
        const toast = { taskId, seenAs: task.id, sentence, failed: task.status !== 'completed' }
        setToasts((shown) => [...shown.filter((t) => t.taskId !== taskId), toast].slice(-MAX_TOASTS))
      }
      const settings = readSettings()
      if (document.hidden && settings.notify && 'Notification' in window && Notification.permission === 'granted') {
        new Notification('foxwatch', { body: sentence, tag: task.id })
      }
      if (settings.sound) void loadToasts().then((module) => module.chime(), () => undefined)
    })
  }, [queryClient])

  // Coming back to the tab on the home page shows every row: all are seen then.
  useEffect(() => {
    const onVisible = () => {
      if (!document.hidden && routeOf(window.location.pathname).page === 'home') markSeen('all')
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [])

  // A toast lasts as long as its task is unseen: looking at the task (or at the whole
  // watchlist) is seeing it, as the title's count and the icon's dot already know.
  const unseen = useUnseen()
  const shown = toasts.filter((toast) => unseen.has(toast.seenAs))
  return (
    <>
      <div role="status" aria-live="polite" className="sr-only" data-testid="settle-announcer">
        {announcement}
      </div>
      {/* The live region above says it to screen readers; these show it, with a way there. */}
      {shown.length > 0 && (
        <Suspense fallback={null}>
          <SettleToasts toasts={shown} />
        </Suspense>
      )}
    </>
  )
}
