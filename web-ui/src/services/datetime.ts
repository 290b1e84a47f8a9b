/** Dates are shown in China Standard Time whatever the browser's own time zone. */
export const TIME_ZONE = 'Asia/Shanghai'
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000 // no daylight saving since 1991

const parts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function pieces(value: string | number | Date): Record<string, string> | undefined {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return undefined
  const out: Record<string, string> = {}
  for (const p of parts.formatToParts(date)) out[p.type] = p.value
  return out
}

/** "2026-03-05 14:07" in Asia/Shanghai; "—" for empty or invalid input. */
export function formatDateTime(value: string | number | Date | null | undefined, withSeconds = false): string {
  if (value === null || value === undefined || value === '') return '—'
  const p = pieces(value)
  if (!p) return '—'
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`
  return `${p.year}-${p.month}-${p.day} ${time}`
}

/** "2026-03-05" in Asia/Shanghai. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  const p = pieces(value)
  return p ? `${p.year}-${p.month}-${p.day}` : '—'
}

/**
 * A wall-clock time picked in a date picker (whatever the browser's zone), read as Beijing time,
 * as an ISO-8601 instant: 2026-03-05 00:00 -> "2026-03-04T16:00:00.000Z".
 */
export function shanghaiWallClockToInstant(picked: Date): string {
  const utc = Date.UTC(
    picked.getFullYear(),
    picked.getMonth(),
    picked.getDate(),
    picked.getHours(),
    picked.getMinutes(),
    picked.getSeconds(),
  )
  return new Date(utc - SHANGHAI_OFFSET_MS).toISOString()
}

/** Today's date in Asia/Shanghai, "2026-03-05". */
export function shanghaiToday(now: Date = new Date()): string {
  const p = pieces(now)!
  return `${p.year}-${p.month}-${p.day}`
}

/**
 * Whole days from today (Asia/Shanghai) until a calendar date "YYYY-MM-DD": 0 on the day itself,
 * negative once past; undefined for an invalid date.
 */
export function daysUntil(date: string | null | undefined, now: Date = new Date()): number | undefined {
  const target = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '')
  const today = /^(\d{4})-(\d{2})-(\d{2})$/.exec(shanghaiToday(now))
  if (!target || !today) return undefined
  const utc = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return Math.round((utc(target) - utc(today)) / 86_400_000)
}

/** A duration in whole seconds as Chinese text: 42 -> "42 秒", 125 -> "2 分 5 秒", 3720 -> "1 小时 2 分". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.round(seconds)
  if (s < 60) return `${s} 秒`
  if (s < 3600) return `${Math.floor(s / 60)} 分${s % 60 ? ` ${s % 60} 秒` : ''}`
  const m = Math.floor((s % 3600) / 60)
  return `${Math.floor(s / 3600)} 小时${m ? ` ${m} 分` : ''}`
}

/** The calendar day a date picker's cell stands for ("2026-03-05"): its local wall-clock date, whatever the zone. */
export function pickedDay(picked: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${picked.getFullYear()}-${pad(picked.getMonth() + 1)}-${pad(picked.getDate())}`
}

/**
 * A date picker's `disabled-date` for days outside [first, last] ("YYYY-MM-DD", either may be
 * missing), e.g. a transfer date between the order's day and today in Beijing.
 */
export function outsideDays(first?: string | null, last?: string | null): (picked: Date) => boolean {
  return (picked) => {
    const day = pickedDay(picked)
    return (!!first && day < first) || (!!last && day > last)
  }
}
