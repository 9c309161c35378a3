import { describe, expect, it } from 'vitest'
import { createChangeSignal } from './change-signal'

describe('a change signal', () => {
  it('tells each subscriber once per change, and no one who has left', () => {
    const signal = createChangeSignal()
    const heard: string[] = []
    const leaveA = signal.subscribe(() => heard.push('a'))
    signal.subscribe(() => heard.push('b'))
    signal.notify()
    leaveA()
    signal.notify()
    expect(heard).toEqual(['a', 'b', 'b'])
  })
})
