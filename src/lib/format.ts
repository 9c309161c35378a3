// How times, durations and sizes read on screen.

export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h ${minutes % 60} min`
  return `${Math.floor(hours / 24)} days`
}

/**
 * How long ago a task was created. A creation time ahead of this computer's clock (foxapi's clock
 * runs ahead) is said as such, never as a negative age; a few seconds ahead is clock noise.
 */
export function formatCreated(createdAt: number, now: number): string {
  const ahead = createdAt - now
  return ahead >= 60_000 ? `${formatAge(ahead)} ahead of this computer’s clock` : `${formatAge(now - createdAt)} ago`
}

/** Seconds as m:ss.s, for word times in transcripts. */
export function formatClock(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds - minutes * 60
  return `${minutes}:${rest.toFixed(2).padStart(5, '0')}`
}

// One formatter for the page's life: toLocaleString with options builds a new one on every call,
// which cost a second of CPU every half minute with 200 tasks in the history.
let dateTime: Intl.DateTimeFormat | undefined

export function formatTime(ms: number): string {
  dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
  return dateTime.format(ms)
}

let timeOfDay: Intl.DateTimeFormat | undefined

/** A time of day in the person's locale ("9:00:03 AM"), one formatter for the page's life. */
export function formatTimeOfDay(ms: number): string {
  timeOfDay ??= new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })
  return timeOfDay.format(ms)
}
