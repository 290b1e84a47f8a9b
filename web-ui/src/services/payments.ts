/**
 * Payment attempts and refunds as the pages show them: the deadline of an awaited attempt (a card 30
 * minutes, a bank transfer days), whether an attempt is still live, and refund states per viewer.
 */
import type { OrderRefund, PaymentMethod, PaymentStatus } from './api/types'
import { formatDateTime } from './datetime'

/** Statuses of an attempt that may still take money (at most one per order). */
const LIVE: readonly string[] = ['PENDING', 'AWAITING_TRANSFER', 'FAILED'] satisfies PaymentStatus[]

export function isLive(status: string): boolean {
  return LIVE.includes(status)
}

export interface Deadline {
  /** "请于 2026-03-12 14:05 前完成转账" (or 支付 for a card), or that it has passed */
  text: string
  /** "剩余 6 天 23 小时", "剩余 25 分钟", "已截止" */
  remaining: string
  overdue: boolean
  /** less than a day left */
  soon: boolean
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Time left as Chinese text, rounded down to whole minutes ("不足 1 分钟" in the last one). */
export function remainingText(ms: number): string {
  if (ms <= 0) return '已截止'
  if (ms < MINUTE) return '剩余不足 1 分钟'
  const days = Math.floor(ms / DAY)
  const hours = Math.floor((ms % DAY) / HOUR)
  const minutes = Math.floor((ms % HOUR) / MINUTE)
  if (days > 0) return `剩余 ${days} 天${hours ? ` ${hours} 小时` : ''}`
  if (hours > 0) return `剩余 ${hours} 小时${minutes ? ` ${minutes} 分钟` : ''}`
  return `剩余 ${minutes} 分钟`
}

/** The deadline of a live attempt, in Beijing time; null when it has none (or is not live). */
export function paymentDeadline(
  payment: { method: PaymentMethod | string; status: string; expiresAt?: string | null },
  now: Date = new Date(),
): Deadline | null {
  if (!payment.expiresAt || !isLive(payment.status)) return null
  const end = Date.parse(payment.expiresAt)
  if (Number.isNaN(end)) return null
  const left = end - now.getTime()
  const what = payment.method === 'BANK_TRANSFER' ? '转账' : '支付'
  const at = formatDateTime(payment.expiresAt)
  return {
    text: left > 0 ? `请于 ${at} 前完成${what}` : `${what}期限已于 ${at} 截止`,
    remaining: remainingText(left),
    overdue: left <= 0,
    soon: left > 0 && left < DAY,
  }
}

export type Viewer = 'BUYER' | 'SUPPLIER' | 'OPERATOR'

/**
 * A refund's state for who looks at it. An offline (bank-transfer) refund stays PENDING until the
 * supplier confirms it sent the money: 待供应商汇出 for the supplier, 待供应商退款 for everyone else.
 */
export function refundStatusLabel(refund: Pick<OrderRefund, 'status' | 'offline'>, viewer: Viewer): string {
  switch (refund.status) {
    case 'PENDING':
      if (!refund.offline) return '退款处理中'
      return viewer === 'SUPPLIER' ? '待供应商汇出' : '待供应商退款'
    case 'SUCCEEDED':
      return '已退款'
    case 'FAILED':
      return '退款失败'
    default:
      return refund.status
  }
}

export function refundStatusTag(refund: Pick<OrderRefund, 'status'>): 'success' | 'warning' | 'danger' | 'info' {
  return refund.status === 'SUCCEEDED' ? 'success' : refund.status === 'FAILED' ? 'danger' : refund.status === 'PENDING' ? 'warning' : 'info'
}

export const REFUND_CAUSE_LABELS: Record<string, string> = {
  MANUAL: '供应商发起',
  CANCELLATION: '订单取消，全额退款',
  ORPHANED: '订单不可支付，原路退回',
}

export function refundCauseLabel(cause: string): string {
  return REFUND_CAUSE_LABELS[cause] ?? cause
}

/** A file's size for a person: 512 B, 12.3 KB, 1.5 MB. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The 回单 types the server takes (it sniffs the bytes; this only spares a useless upload). */
export const SLIP_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] as const
export const SLIP_MAX_BYTES = 10 * 1024 * 1024

/** Why a chosen file cannot be a 回单 (by its name and size), or null. */
export function slipFileProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return '请选择非空的文件'
  if (file.size > SLIP_MAX_BYTES) return '转账回单不能超过 10 MB'
  if (!/\.(pdf|jpe?g|png|ofd)$/i.test(file.name)) return '转账回单仅支持 PDF、JPEG、PNG、OFD 文件'
  return null
}

/** The name of the tab's payment attempt of an order by a method (its Idempotency-Key is kept under it). */
export function payAttemptName(orderId: number, method: PaymentMethod | string): string {
  return `pay-${orderId}-${method}`
}
