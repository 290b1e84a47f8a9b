/**
 * Client-side hints for certificate numbers per kind, mirrored from the catalog's checks (the
 * backend remains the judge): green food GF + 12 digits, organic 17 digits, geographical
 * indication AGI + 5 digits; other kinds have no fixed format.
 */
import type { CertificationKind } from './api/types'

interface NumberFormat {
  pattern: RegExp
  hint: string
  example: string
}

const FORMATS: Partial<Record<CertificationKind, NumberFormat>> = {
  GREEN_FOOD: { pattern: /^GF\d{12}$/, hint: '“GF”加 12 位数字', example: 'GF520000000001' },
  ORGANIC: { pattern: /^\d{17}$/, hint: '17 位数字', example: '12345678901234567' },
  GEOGRAPHICAL_INDICATION: { pattern: /^AGI\d{5}$/, hint: '“AGI”加 5 位数字', example: 'AGI01234' },
}

/** How the number of a kind is written, e.g. "格式：“GF”加 12 位数字，例如 GF520000000001". */
export function certificationNumberHint(kind: CertificationKind | '' | null | undefined): string {
  const format = kind ? FORMATS[kind] : undefined
  return format ? `格式：${format.hint}，例如 ${format.example}` : '按证书上的编号填写'
}

/** Trimmed, upper-cased and without inner spaces, as the number is sent. */
export function normalizeCertificationNumber(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase()
}

/** undefined when the number fits the kind, else the message. */
export function certificationNumberProblem(kind: CertificationKind | '' | null | undefined, number: string): string | undefined {
  const value = normalizeCertificationNumber(number)
  if (!value) return '请输入证书编号'
  if (value.length > 64) return '证书编号不超过64个字符'
  const format = kind ? FORMATS[kind] : undefined
  if (format && !format.pattern.test(value)) return `证书编号格式不正确，应为${format.hint}`
  return undefined
}
