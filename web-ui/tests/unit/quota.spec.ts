import { describe, expect, it } from 'vitest'
import {
  basisPointsToPercent,
  currentYear,
  formatRate,
  minimumReservedFen,
  percentToBasisPoints,
  ratePercent,
  reservedRatioText,
  selectableYears,
} from '@/services/quota'
import { parseYuanToFen } from '@/services/money'

describe('minimumReservedFen (the backend QuotaRules rule: ceil(annual × bp / 10000))', () => {
  it.each([
    // 10% of 1,234,567.89 yuan is 123,456.789 yuan: at least 12,345,679 fen (the backend test's case)
    [123_456_789, 1000, 12_345_679],
    [1_000_000, 1000, 100_000],
    [1_000_000, 1500, 150_000],
    [1_000_000, 850, 85_000],
    [1, 1000, 1],
    [9, 1000, 1],
    [10, 1000, 1],
    [11, 1000, 2],
    [0, 1000, 0],
    [12_345, 0, 0],
    [999_999, 1250, 125_000],
  ])('%d fen at %d bp -> %d fen', (annual, bp, minimum) => {
    expect(minimumReservedFen(annual, bp)).toBe(minimum)
  })

  it('is exact beyond 2^53 intermediate products', () => {
    // 10^16 fen × 1234 bp overflows double precision; BigInt keeps it exact
    expect(minimumReservedFen(9_007_199_254_740_991, 1)).toBe(900_719_925_475)
    expect(minimumReservedFen(100_000_000_000_000, 1234)).toBe(12_340_000_000_000)
  })

  it('refuses negatives and fractions', () => {
    expect(() => minimumReservedFen(-1, 1000)).toThrow(RangeError)
    expect(() => minimumReservedFen(1.5, 1000)).toThrow(RangeError)
    expect(() => minimumReservedFen(100, -1)).toThrow(RangeError)
  })

  it('works with yuan typed by a person, without floating point', () => {
    // 0.29 yuan is 29 fen, never 28.999…
    expect(minimumReservedFen(parseYuanToFen('1,234,567.89')!, 1000)).toBe(12_345_679)
    expect(minimumReservedFen(parseYuanToFen('0.29')!, 10_000)).toBe(29)
  })
})

describe('percent ↔ basis points', () => {
  it.each([
    [10, 1000],
    [15, 1500],
    [12.5, 1250],
    [8.25, 825],
    [8.29, 829],
    ['8.5', 850],
    [0, 0],
    [100, 10_000],
  ])('%s%% is %d bp', (percent, bp) => {
    expect(percentToBasisPoints(percent)).toBe(bp)
  })

  it.each([[8.123], ['abc'], [-1], [100.01], [Number.NaN], ['']])('refuses %s', (percent) => {
    expect(percentToBasisPoints(percent)).toBeUndefined()
  })

  it.each([
    [1000, '10'],
    [1250, '12.5'],
    [825, '8.25'],
    [5, '0.05'],
  ])('%d bp reads %s%%', (bp, text) => {
    expect(basisPointsToPercent(bp)).toBe(text)
  })
})

describe('rates', () => {
  it.each([
    [0.1234, '12.34%'],
    [1, '100.00%'],
    [1.5, '150.00%'],
    [0, '0.00%'],
    [0.0001, '0.01%'],
    ['0.5', '50.00%'],
    [null, '—'],
    [undefined, '—'],
  ])('%s shows as %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text)
  })

  it('gives charts a number of percent', () => {
    expect(ratePercent(0.1234)).toBe(12.34)
    expect(ratePercent(null)).toBe(0)
  })

  it('states the ratio of a reserve to the total, rounded down', () => {
    expect(reservedRatioText(100_000, 1_000_000)).toBe('10.00')
    expect(reservedRatioText(123_456, 1_000_000)).toBe('12.34')
    expect(reservedRatioText(1, 0)).toBeUndefined()
  })
})

describe('years', () => {
  it('offers next year down to 2021, newest first', () => {
    expect(selectableYears(2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021])
  })

  it('takes the year in Asia/Shanghai', () => {
    // 2026-12-31T16:30Z is 2027-01-01 00:30 in Beijing
    expect(currentYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027)
    expect(currentYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026)
  })
})
