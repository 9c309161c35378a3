import { expect, it } from 'vitest'
import { creditsText, totalsText } from './selection'

it('counts only the kinds there are, and says credits as reserved', () => {
  expect(totalsText([
    { status: 'pending', credits: 5 }, { status: 'processing', credits: 5 }, { status: 'completed', credits: 2.5 },
    { status: 'failed', credits: undefined }, { status: undefined, credits: undefined },
  ])).toBe('2 running · 1 done · 1 failed · 1 not known yet · 12.5 credits reserved')
  expect(totalsText([{ status: 'cancelled', credits: undefined }])).toBe('1 cancelled')
  expect(totalsText([])).toBe('')
})

it('says one credit in the singular, and nothing when foxapi said nothing of credits', () => {
  expect(creditsText([{ status: 'completed', credits: 1 }])).toBe('1 credit reserved')
  expect(creditsText([{ status: 'completed', credits: 0.1 }, { status: 'completed', credits: 0.2 }])).toBe('0.3 credits reserved')
  expect(creditsText([{ status: 'completed', credits: undefined }])).toBeUndefined()
})
