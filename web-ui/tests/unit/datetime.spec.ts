import { describe, expect, it } from 'vitest'
import { daysUntil, formatDate, formatDateTime, formatDuration, outsideDays, pickedDay, shanghaiWallClockToInstant } from '@/services/datetime'

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

describe('daysUntil and formatDuration', () => {
  // 2026-03-05 23:30 in Beijing is still 2026-03-05 15:30 UTC
  const lateEvening = new Date('2026-03-05T15:30:00Z')

  it('counts calendar days in Asia/Shanghai', () => {
    expect(daysUntil('2026-03-05', lateEvening)).toBe(0)
    expect(daysUntil('2026-03-06', lateEvening)).toBe(1)
    expect(daysUntil('2026-05-04', lateEvening)).toBe(60)
    expect(daysUntil('2026-03-01', lateEvening)).toBe(-4)
    // 00:30 on 3-6 in Beijing is 3-5 16:30 UTC
    expect(daysUntil('2026-03-06', new Date('2026-03-05T16:30:00Z'))).toBe(0)
  })

  it('gives nothing for a missing or invalid date', () => {
    expect(daysUntil(undefined, lateEvening)).toBeUndefined()
    expect(daysUntil('soon', lateEvening)).toBeUndefined()
  })

  it.each([
    [0, '0 秒'],
    [42, '42 秒'],
    [120, '2 分'],
    [125, '2 分 5 秒'],
    [3720, '1 小时 2 分'],
    [7200, '2 小时'],
  ])('formats %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })

  it('shows a dash for no duration', () => {
    expect(formatDuration(undefined)).toBe('—')
    expect(formatDuration(-1)).toBe('—')
  })
})

describe('date picker days', () => {
  it('reads a picked cell as its calendar day and refuses days outside the range', () => {
    expect(pickedDay(new Date(2026, 2, 5))).toBe('2026-03-05')
    const transferDay = outsideDays('2026-03-02', '2026-03-05')
    expect(transferDay(new Date(2026, 2, 1))).toBe(true)
    expect(transferDay(new Date(2026, 2, 2))).toBe(false)
    expect(transferDay(new Date(2026, 2, 5))).toBe(false)
    expect(transferDay(new Date(2026, 2, 6))).toBe(true)
    expect(outsideDays(null, '2026-03-05')(new Date(2020, 0, 1))).toBe(false)
  })
})
