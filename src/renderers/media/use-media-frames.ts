// Follows a media element while it plays: `onFrame` is given it every animation frame while it plays,
// and once more when it pauses, ends or is seeked. timeupdate fires only about four times a
// second, too coarse for a playhead that glides or a word a fifth of a second long.
import { useEffect, type RefObject } from 'react'

/**
 * `media` is the element, or a ref to it read when the effect runs; `source` names what it plays,
 * so a new file starts the following anew.
 */
export function useMediaFrames(
  media: HTMLMediaElement | null | RefObject<HTMLMediaElement | null>,
  onFrame: (media: HTMLMediaElement) => void,
  source?: string,
): void {
  useEffect(() => {
    const element = media && 'current' in media ? media.current : media
    if (!element) return
    let frame = 0
    const seen = () => onFrame(element)
    const tick = () => {
      seen()
      frame = requestAnimationFrame(tick)
    }
    const play = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(tick)
    }
    const stop = () => {
      cancelAnimationFrame(frame)
      seen()
    }
    element.addEventListener('play', play)
    element.addEventListener('pause', stop)
    element.addEventListener('ended', stop)
    element.addEventListener('seeked', seen)
    if (!element.paused) play()
    return () => {
      cancelAnimationFrame(frame)
      element.removeEventListener('play', play)
      element.removeEventListener('pause', stop)
      element.removeEventListener('ended', stop)
      element.removeEventListener('seeked', seen)
    }
  }, [media, onFrame, source])
}
