/** Money on the wire is integer fen (1 yuan = 100 fen); it is shown as ¥ with zh-CN grouping. */
const yuan = new Intl.NumberFormat('zh-CN', {
  style: 'currency',
  currency: 'CNY',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})

/**
 * Formats an integer amount of fen, e.g. 123456 -> "¥1,234.56". Exact for any safe integer or
 * bigint: the decimal string is built from integers, never through floating point division.
 */
export function formatFen(fen: number | bigint): string {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) {
    throw new RangeError(`金额必须是整数（分）：${fen}`)
  }
  const value = BigInt(fen)
  const negative = value < 0n
  const abs = negative ? -value : value
  const decimal = `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`
  // Intl.NumberFormat formats decimal strings exactly (ES2023 Intl.NumberFormat v3).
  return yuan.format(decimal as unknown as number)
}

/**
 * Parses a yuan amount typed by a person ("1,234.5") into fen; undefined when not a valid amount.
 * String arithmetic only: the digits of yuan and jiao/fen are joined ("12" + "50" -> 1250), so no
 * binary floating point is ever involved ("0.29" -> 29, never 28.999…).
 */
export function parseYuanToFen(input: string): number | undefined {
  const m = /^\s*(-)?(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(input.replace(/[,，¥￥\s]/g, ''))
  if (!m) return undefined
  const fen = Number(`${m[2]}${(m[3] ?? '').padEnd(2, '0')}`)
  return m[1] && fen !== 0 ? -fen : fen
}

/** A price typed by a person: a valid, non-negative amount of fen, else undefined. */
export function parsePriceYuan(input: string): number | undefined {
  const fen = parseYuanToFen(input)
  return fen === undefined || fen < 0 ? undefined : fen
}

/**
 * Fen as the plain yuan text an input shows, e.g. 1250 -> "12.50", 5 -> "0.05" (no grouping, no
 * currency sign; exact, integer arithmetic only).
 */
export function fenToYuanInput(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数（分）：${fen}`)
  const abs = Math.abs(fen)
  const digits = String(abs).padStart(3, '0')
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`
}
