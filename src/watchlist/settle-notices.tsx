// Done means noticed (and remembered: each answer updates the history): when a watched task settles, the tab title counts it until seen, the icon
// gets a dot, screen readers hear it, a toast with a link shows when the person is elsewhere, and
// (if the person asked) a notification and a sound come.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Link } from '../lib/link'
import { routeOf, taskPath } from '../lib/router'
import { Button } from '../lib/ui/button'
import type { TaskView } from '../api/task-view'
import { markSeen, markUnseen, useUnseen } from '../lib/page-title'
import { readSettings } from '../lib/settings'
import { isSettled, STATUS_LABEL } from '../api/status'
import type { TaskWatch } from '../api/task-watch'
import { shelveIds } from '../shelf/id-shelf'
import { remember } from './history'

function isTaskWatch(value: unknown): value is TaskWatch {
  return typeof value === 'object' && value !== null && 'history' in value && Array.isArray(value.history) && 'updatedAt' in value
}

/** The task this update settled, if it just did (not one that was settled when first seen). */
export function justSettled(watch: TaskWatch): TaskView | undefined {
  const last = watch.history.at(-1)
  if (!watch.task || !last || !isSettled(last.status) || watch.history.length < 2) return undefined
  return last.at === watch.updatedAt ? watch.task : undefined
}

function chime() {
  try {
    const audio = new AudioContext()
    const tone = audio.createOscillator()
    const gain = audio.createGain()
    tone.frequency.value = 880
    gain.gain.setValueAtTime(0.15, audio.currentTime)
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4)
    tone.connect(gain).connect(audio.destination)
    tone.start()
    tone.stop(audio.currentTime + 0.4)
    tone.onended = () => void audio.close()
  } catch {
    // No audio here: the title, icon and notification still tell.
  }
}

/** A settle the person was not looking at: shown until dismissed, or until they look. */
type Toast = { taskId: string; seenAs: string; sentence: string; failed: boolean }
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
        const { id, model, status } = watch.task
        remember({ taskId: id, status, seenAt: Date.now(), ...(model === undefined ? {} : { model }) })
        // A voice or profile ID made by a task finished in the watchlist is kept too, even if the
        // task's page is never opened (the ID outlives the task's links and the watchlist).
        if (status === 'completed') shelveIds(watch.task, Date.now())
      }
      const task = justSettled(watch)
      if (!task) return
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
      if (settings.sound) chime()
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
        <section aria-label="Finished while you were elsewhere" className="fixed right-4 bottom-4 z-30 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2">
          {shown.map((toast) => (
            <div
              key={toast.taskId}
              className={`flex items-start gap-2 rounded-lg border bg-white p-3 text-sm shadow-lg dark:bg-stone-900 ${toast.failed ? 'border-red-300 dark:border-red-800' : 'border-emerald-300 dark:border-emerald-800'}`}
            >
              <p className="min-w-0 flex-1 break-words">
                {toast.sentence}{' '}
                <Link href={taskPath(toast.taskId)} className="font-medium text-orange-800 underline underline-offset-2 dark:text-orange-300">
                  Open it
                </Link>
              </p>
              <Button variant="quiet" className="px-2 py-0.5" aria-label={`Dismiss: ${toast.sentence}`} onClick={() => markSeen([toast.seenAs])}>
                ×
              </Button>
            </div>
          ))}
        </section>
      )}
    </>
  )
}
