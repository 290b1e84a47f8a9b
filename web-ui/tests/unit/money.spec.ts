import { describe, expect, it } from 'vitest'
import { formatFen, parseYuanToFen } from '@/services/money'

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [100000000, '¥1,000,000.00'],
    [-1234, '-¥12.34'],
  ])('formats %d fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })

  it('is exact for the largest safe integer and for bigint', () => {
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91')
    expect(formatFen(12345678901234567890n)).toBe('¥123,456,789,012,345,678.90')
  })

  it('refuses fractions of a fen', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError)
    expect(() => formatFen(Number.NaN)).toThrow(RangeError)
  })
})

describe('parseYuanToFen', () => {
  it.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['1,234.56', 123456],
    ['¥0.05', 5],
  ])('reads %s as %d fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen)
  })

  it.each(['', 'abc', '1.234', '1.2.3'])('rejects %s', (text) => {
    expect(parseYuanToFen(text)).toBeUndefined()
  })
})
