import { describe, expect, it } from 'vitest'
import { fenToYuanInput, formatFen, parsePriceYuan, parseYuanToFen } from '@/services/money'

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

describe('yuan <-> fen without floating point', () => {
  it.each([
    ['12.5', 1250],
    ['0.1', 10],
    ['0.29', 29], // 0.29 * 100 = 28.999999999999996 in binary floating point
    ['1.15', 115], // 1.15 * 100 = 114.99999999999999
    ['19.99', 1999],
    ['0', 0],
    ['9999999999999.99', 999999999999999],
  ])('parses %s exactly as %d fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen)
  })

  it('reads no negative zero', () => {
    expect(Object.is(parseYuanToFen('-0'), 0)).toBe(true)
  })

  it('accepts only non-negative prices', () => {
    expect(parsePriceYuan('12.5')).toBe(1250)
    expect(parsePriceYuan('-1')).toBeUndefined()
    expect(parsePriceYuan('1e3')).toBeUndefined()
    expect(parsePriceYuan('12.345')).toBeUndefined()
  })

  it.each([
    [1250, '12.50'],
    [5, '0.05'],
    [0, '0.00'],
    [100, '1.00'],
    [999999999999999, '9999999999999.99'],
    [-1234, '-12.34'],
  ])('shows %d fen as %s in an input', (fen, text) => {
    expect(fenToYuanInput(fen)).toBe(text)
  })

  it('round-trips every amount of a few yuan', () => {
    for (let fen = 0; fen <= 1000; fen++) expect(parseYuanToFen(fenToYuanInput(fen))).toBe(fen)
  })

  it('refuses fractions of a fen for the input text', () => {
    expect(() => fenToYuanInput(1.5)).toThrow(RangeError)
  })
})
