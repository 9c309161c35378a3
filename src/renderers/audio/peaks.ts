// Turning decoded samples into the bars a waveform draws: loud and quiet parts at a glance.

/**
 * The loudest sample (across all channels) in each of `count` equal slices, scaled so the
 * loudest slice is 1: a quiet recording still fills the height instead of a flat line.
 */
export function peaksOf(channels: readonly Float32Array[], count: number): Float32Array {
  const peaks = new Float32Array(Math.max(0, count))
  const length = Math.min(...channels.map((c) => c.length))
  if (channels.length === 0 || length === 0 || count <= 0) return peaks
  let loudest = 0
  for (let i = 0; i < count; i++) {
    const start = Math.floor((i * length) / count)
    const end = Math.max(start + 1, Math.floor(((i + 1) * length) / count))
    let peak = 0
    for (const channel of channels) {
      for (let s = start; s < end && s < length; s++) {
        const value = Math.abs(channel[s] ?? 0)
        if (value > peak) peak = value
      }
    }
    peaks[i] = peak
    if (peak > loudest) loudest = peak
  }
  if (loudest > 0) for (let i = 0; i < count; i++) peaks[i] = (peaks[i] ?? 0) / loudest
  return peaks
}

/** `peaks` regrouped into `bars` values (the loudest of each group), for the canvas's width. */
export function barsOf(peaks: Float32Array, bars: number): Float32Array {
  const out = new Float32Array(Math.max(0, bars))
  if (peaks.length === 0) return out
  for (let i = 0; i < bars; i++) {
    const start = Math.floor((i * peaks.length) / bars)
    const end = Math.max(start + 1, Math.floor(((i + 1) * peaks.length) / bars))
    let peak = 0
    for (let p = start; p < end && p < peaks.length; p++) peak = Math.max(peak, peaks[p] ?? 0)
    out[i] = peak
  }
  return out
}
