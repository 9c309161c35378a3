// The toasts of tasks that settled while the person was elsewhere, and the chime: a chunk fetched
// with the first settle (settle-notices.tsx decides when they show).
import { Link } from '../lib/link'
import { taskPath } from '../lib/router'
import { Button } from '../lib/ui/button'
import { markSeen } from '../lib/page-title'

/** A settle the person was not looking at: shown until dismissed, or until they look. */
export type Toast = { taskId: string; seenAs: string; sentence: string; failed: boolean }

export function chime() {
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

export function SettleToasts({ toasts }: { toasts: readonly Toast[] }) {
  return (
    <section aria-label="Finished while you were elsewhere" className="fixed right-4 bottom-4 z-30 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2">
      {toasts.map((toast) => (
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
  )
}
