import { describe, expect, it } from 'vitest'
import { formatCardNumber, testCardFor } from '@/services/testCards'

describe('test cards', () => {
  it('maps the test card numbers to the gateway test payment methods', () => {
    expect(testCardFor('4242 4242 4242 4242')?.paymentMethod).toBe('pm_card_visa')
    expect(testCardFor('4242-4242-4242-4242')?.succeeds).toBe(true)
    expect(testCardFor('4000000000000002')?.paymentMethod).toBe('pm_card_chargeDeclined')
    expect(testCardFor('4111 1111 1111 1111')).toBeUndefined()
  })

  it('groups digits in fours and drops anything else', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242')
    expect(formatCardNumber('4242-42a')).toBe('4242 42')
    expect(formatCardNumber('')).toBe('')
  })
})
