/**
 * 网关异常: a gateway answer that did not match what was asked for, as operators read it. The server
 * sends both sides as JSON text (`expected`: our payment or refund; `actual`: what the gateway said)
 * and a code per reason; this pairs each reason with the two values it compared.
 */
import type { Mismatch } from './api/types'
import { formatFen } from './money'

/** For each reason: the field of our side and the field of the gateway's side it compares. */
const COMPARED: Record<string, { expected: string; actual: string; money?: boolean }> = {
  INTENT_ID: { expected: 'intentId', actual: 'intentId' },
  AMOUNT: { expected: 'amountFen', actual: 'amount', money: true },
  AMOUNT_RECEIVED: { expected: 'amountFen', actual: 'amountReceived', money: true },
  CURRENCY: { expected: 'currency', actual: 'currency' },
  REFUND_ID: { expected: 'gatewayRefundId', actual: 'gatewayRefundId' },
}

/** A JSON object text as an object; anything else (not JSON, not an object) as null. */
export function parseObject(text: string | null | undefined): Record<string, unknown> | null {
  if (!text) return null
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** JSON text indented for reading; text that is not JSON as it came. */
export function prettyJson(text: string | null | undefined): string {
  if (!text) return ''
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

function shown(value: unknown, money: boolean): string {
  if (value === null || value === undefined || value === '') return '（无）'
  if (money && typeof value === 'number' && Number.isSafeInteger(value)) return `${formatFen(value)}（${value} 分）`
  return String(value)
}

export interface ComparedRow {
  reason: string
  label: string
  expected: string
  actual: string
}

/** One row per reason: its Chinese label (the server's), what we expected and what the gateway said. */
export function mismatchRows(m: Pick<Mismatch, 'reasons' | 'reasonLabels' | 'expected' | 'actual'>): ComparedRow[] {
  const expected = parseObject(m.expected) ?? {}
  const actual = parseObject(m.actual) ?? {}
  return m.reasons.map((reason, i) => {
    const compared = COMPARED[reason]
    const label = m.reasonLabels[i] ?? reason
    if (!compared) return { reason, label, expected: '—', actual: '—' }
    return {
      reason,
      label,
      expected: shown(expected[compared.expected], !!compared.money),
      actual: shown(actual[compared.actual], !!compared.money),
    }
  })
}
