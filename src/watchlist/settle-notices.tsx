// Done means noticed (and remembered: each answer updates the history): when a watched task settles, the tab title counts it until seen, the icon
// gets a dot, screen readers hear it, and (if the person asked) a notification and a sound come.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { TaskView } from '../api/task-view'
import { markSeen, markUnseen } from '../lib/page-title'
import { routeOf } from '../lib/router'
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

/** Mounted once, beside the pages: listens to every task query's updates. */
export function SettleNotices() {
  const queryClient = useQueryClient()
  const [announcement, setAnnouncement] = useState('')

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
      if (!looking) markUnseen(task.id)
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

  return (
    <div role="status" aria-live="polite" className="sr-only" data-testid="settle-announcer">
      {announcement}
    </div>
  )
}
