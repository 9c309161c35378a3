/** A media length as people read it: "4.6 s" under a minute, "1:05" or "1:02:05" above. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–'
  // Number() drops a trailing ".0", so a whole 4 reads "4 s" like the API sent it.
  if (seconds < 59.95) return `${Number(seconds.toFixed(1))} s`
  const whole = Math.round(seconds)
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const rest = String(whole % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`
}
