/**
 * The reserved-share (预留份额) arithmetic of the filing form, exact and integer-only, mirroring the
 * backend's QuotaRules: ratios are basis points (1 bp = 0.01%), the minimum reserve is
 * ceil(annual × bp / 10000) fen, rates are 4-decimal fractions shown as percentages.
 */

export const FULL_BASIS_POINTS = 10_000

/**
 * A percentage as the API sends it (a JSON number such as 10, 12.5 or 8.25, or its text) as basis
 * points (1000, 1250, 825); undefined for more than two decimals, negatives or nonsense. String
 * digits only, never `percent * 100` (8.29 * 100 is 828.9999…).
 */
export function percentToBasisPoints(percent: number | string): number | undefined {
  const text = typeof percent === 'number' ? (Number.isFinite(percent) ? String(percent) : '') : percent.trim()
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text)
  if (!m) return undefined
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return bp <= FULL_BASIS_POINTS ? bp : undefined
}

/** Basis points as the percentage people read: 1000 -> "10", 1250 -> "12.5", 825 -> "8.25". */
export function basisPointsToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100)
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '')
  return frac ? `${whole}.${frac}` : String(whole)
}

/** The smallest reserve for an annual total at a floor: ceil(annual × bp / 10000), exactly (BigInt). */
export function minimumReservedFen(annualFen: number, basisPoints: number): number {
  if (!Number.isSafeInteger(annualFen) || !Number.isSafeInteger(basisPoints) || annualFen < 0 || basisPoints < 0) {
    throw new RangeError('金额与比例必须是非负整数')
  }
  const product = BigInt(annualFen) * BigInt(basisPoints)
  const full = BigInt(FULL_BASIS_POINTS)
  const q = product / full
  return Number(product % full === 0n ? q : q + 1n)
}

/**
 * The ratio a reserve represents, for the form's hint, as text with two decimals rounded down
 * ("12.34"); undefined without a total.
 */
export function reservedRatioText(reservedFen: number, annualFen: number): string | undefined {
  if (annualFen <= 0 || reservedFen < 0) return undefined
  const hundredths = (BigInt(reservedFen) * 10_000n) / BigInt(annualFen) // percent × 100
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`
}

/**
 * A 4-decimal rate from the API (0.1234, or its text) as a percentage with two decimals
 * ("12.34%"); "—" when there is no rate (nothing reserved). Digits only, never rate * 100.
 */
export function formatRate(rate: number | string | null | undefined): string {
  const hundredths = rateToHundredthsOfPercent(rate)
  if (hundredths === undefined) return '—'
  const sign = hundredths < 0 ? '-' : ''
  const abs = Math.abs(hundredths)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`
}

/** 0.1234 -> 1234 (hundredths of a percent, i.e. basis points); undefined for no rate. */
export function rateToHundredthsOfPercent(rate: number | string | null | undefined): number | undefined {
  if (rate === null || rate === undefined || rate === '') return undefined
  const text = typeof rate === 'number' ? (Number.isFinite(rate) ? rate.toFixed(6) : '') : rate.trim()
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text)
  if (!m) return undefined
  const value = Number(m[2]) * 10_000 + Number((m[3] ?? '').padEnd(4, '0').slice(0, 4))
  return m[1] ? -value : value
}

/** A rate as a number of percent for charts (0.1234 -> 12.34); 0 without a rate. */
export function ratePercent(rate: number | string | null | undefined): number {
  return (rateToHundredthsOfPercent(rate) ?? 0) / 100
}

/** Years a unit may file or look at: from 2021 (the policy) to next year, newest first. */
export function selectableYears(currentYear: number, first = 2021): number[] {
  const years: number[] = []
  for (let y = currentYear + 1; y >= Math.min(first, currentYear); y--) years.push(y)
  return years
}

/** The current year in Asia/Shanghai (the backend's year of a payment). */
export function currentYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now))
}
