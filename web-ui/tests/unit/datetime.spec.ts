import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, shanghaiWallClockToInstant } from '@/services/datetime'

describe('dates in Asia/Shanghai', () => {
  it('shows an instant in Beijing time whatever the zone of the input', () => {
    expect(formatDateTime('2026-03-04T16:30:00Z')).toBe('2026-03-05 00:30')
    expect(formatDateTime('2026-03-05T00:30:15+08:00', true)).toBe('2026-03-05 00:30:15')
    expect(formatDate('2026-12-31T17:00:00Z')).toBe('2027-01-01')
  })

  it('shows a dash for missing or invalid values', () => {
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime(undefined)).toBe('—')
    expect(formatDateTime('not a date')).toBe('—')
  })

  it('reads a picked wall-clock time as Beijing time', () => {
    expect(shanghaiWallClockToInstant(new Date(2026, 2, 5, 0, 0, 0))).toBe('2026-03-04T16:00:00.000Z')
  })
})
