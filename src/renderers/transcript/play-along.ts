// Follows an audio element while it plays: reports the word being spoken, once per change.
import { useEffect, type RefObject } from 'react'
import { wordAt, type TimedWord } from './transcript-index'

/**
 * Reads `currentTime` every animation frame while playing (timeupdate fires only ~4 times a
 * second, too coarse for words a fifth of a second long) and on seeks while paused.
 */
export function usePlayAlong(audio: RefObject<HTMLAudioElement | null>, timed: readonly TimedWord[], source: string | undefined, onWord: (index: number) => void) {
  useEffect(() => {
    const element = audio.current
    if (!element || !source) return
    let frame = 0
    let last = -2
    const report = () => {
      const index = wordAt(timed, element.currentTime)
      // Between words, keep the last one lit rather than flicker to nothing.
      if (index !== last && index !== -1) {
        last = index
        onWord(index)
      }
    }
    const tick = () => {
      report()
      frame = requestAnimationFrame(tick)
    }
    const play = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(tick)
    }
    const stop = () => {
      cancelAnimationFrame(frame)
      report()
    }
    element.addEventListener('play', play)
    element.addEventListener('pause', stop)
    element.addEventListener('ended', stop)
    element.addEventListener('seeked', report)
    if (!element.paused) play()
    return () => {
      cancelAnimationFrame(frame)
      element.removeEventListener('play', play)
      element.removeEventListener('pause', stop)
      element.removeEventListener('ended', stop)
      element.removeEventListener('seeked', report)
    }
  }, [audio, timed, source, onWord])
}
