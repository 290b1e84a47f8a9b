/** An order's history as the detail page shows it: a timeline of events and the progress steps. */
import type { OrderHistoryEntry, OrderStatus } from './api/types'
import { formatDateTime } from './datetime'
import { orderStatusLabel } from './labels'

/** What happened, per history `action`. */
export const ORDER_ACTION_LABELS: Record<string, string> = {
  ORDER_PLACED: '提交订单',
  ORDER_PAID: '支付成功',
  ORDER_SHIPPED: '供应商已发货',
  ORDER_DELIVERED: '供应商确认送达',
  ORDER_ACCEPTED: '采购单位验收',
  ORDER_AUTO_ACCEPTED: '超时自动验收',
  ORDER_CANCELLED: '订单已取消',
  ORDER_EXPIRED: '超时未支付，系统自动取消',
  ORDER_REFUNDED: '已全额退款',
  ORDER_PARTIALLY_REFUNDED: '部分退款',
  ORDER_INVOICE_REQUESTED: '提交开票信息',
  ORDER_INVOICE_ISSUED: '供应商已开具发票',
}

export type TimelineType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export interface TimelineItem {
  key: string
  label: string
  /** the status after the event, e.g. "已支付" */
  statusLabel: string
  time: string
  actor: string
  type: TimelineType
}

function typeOf(entry: OrderHistoryEntry): TimelineType {
  if (entry.toStatus === 'CANCELLED' || /REFUND/.test(entry.action)) return 'danger'
  if (entry.toStatus === 'ACCEPTED') return 'success'
  if (entry.fromStatus === entry.toStatus) return 'info'
  return 'primary'
}

/** The history oldest first (ties keep the server's order), labelled in Chinese, times in Beijing time. */
export function orderTimeline(history: readonly OrderHistoryEntry[]): TimelineItem[] {
  return history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index)
    .map(({ entry, index }) => ({
      key: `${index}-${entry.action}`,
      label: ORDER_ACTION_LABELS[entry.action] ?? orderStatusLabel(entry.toStatus),
      statusLabel: orderStatusLabel(entry.toStatus),
      time: formatDateTime(entry.at),
      actor: entry.actor,
      type: typeOf(entry),
    }))
}

export interface ProgressStep {
  title: string
  /** when the order reached it, "—" for steps not reached */
  time: string
}

export interface OrderProgress {
  steps: ProgressStep[]
  /** el-steps `active`: the steps before it are done; it is the one under way (steps.length: all done) */
  active: number
  /** the state of the step under way: an ended order (cancelled, refunded) shows it as an error */
  status: 'process' | 'error'
}

const MAIN_PATH: { status: OrderStatus; title: string }[] = [
  { status: 'PENDING_PAYMENT', title: '提交订单' },
  { status: 'PAID', title: '支付' },
  { status: 'SHIPPED', title: '发货' },
  { status: 'DELIVERED', title: '送达' },
  { status: 'ACCEPTED', title: '验收' },
]

/**
 * The order's progress along 提交订单 → 支付 → 发货 → 送达 → 验收, with the time each step was
 * reached: the steps reached are done, the next one is under way (a PAID order waits for 发货); a
 * cancelled or refunded order ends with that step, shown as an error.
 */
export function orderProgress(status: OrderStatus, history: readonly OrderHistoryEntry[]): OrderProgress {
  const reachedAt = new Map<OrderStatus, string>()
  for (const entry of history) {
    if (entry.fromStatus !== entry.toStatus && !reachedAt.has(entry.toStatus)) reachedAt.set(entry.toStatus, entry.at)
  }
  const steps: ProgressStep[] = MAIN_PATH.map((s) => ({ title: s.title, time: formatDateTime(reachedAt.get(s.status)) }))
  let last = 0
  MAIN_PATH.forEach((s, i) => {
    if (reachedAt.has(s.status) || s.status === status) last = i
  })
  if (status === 'CANCELLED' || status === 'REFUNDED') {
    const ended = { title: status === 'CANCELLED' ? '已取消' : '已退款', time: formatDateTime(reachedAt.get(status)) }
    return { steps: [...steps.slice(0, last + 1), ended], active: last + 1, status: 'error' }
  }
  return { steps, active: last + 1, status: 'process' }
}
