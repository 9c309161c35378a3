// Follows an audio element while it plays: reports the word being spoken, once per change.
import { useCallback, useEffect, useRef, type RefObject } from 'react'
import { useMediaFrames } from '../media/use-media-frames'
import { wordAt, type TimedWord } from './transcript-index'

/** Reads `currentTime` every animation frame while playing, and on seeks while paused. */
export function usePlayAlong(audio: RefObject<HTMLAudioElement | null>, timed: readonly TimedWord[], source: string | undefined, onWord: (index: number) => void) {
  const last = useRef(-2)
  // A new file, transcript or listener hears the current word again.
  useEffect(() => {
    last.current = -2
  }, [timed, source, onWord])
  const report = useCallback((element: HTMLMediaElement) => {
    const index = wordAt(timed, element.currentTime)
    // Between words, keep the last one lit rather than flicker to nothing.
    if (index !== last.current && index !== -1) {
      last.current = index
      onWord(index)
    }
  }, [timed, onWord])
  useMediaFrames(source ? audio : null, report, source)
}
