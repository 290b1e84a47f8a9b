/** What the buyer unit and the supplier may do with an order in its current state (the server decides; this only offers). */
import type { OrderPayment, OrderRefund, OrderView } from './api/types'

type OrderFacts = Pick<OrderView, 'status' | 'totalFen' | 'refundedFen' | 'paidAt' | 'invoice' | 'payments'>

/** The payments of an order, typed (the document has them as free-form maps). */
export function orderPayments(order: Pick<OrderView, 'payments'>): OrderPayment[] {
  return order.payments as unknown as OrderPayment[]
}

/** A refund with the payment it gives money back from. */
export type RefundOfPayment = OrderRefund & { paymentId: number; method: OrderPayment['method'] }

/** Every refund of the order's payments, oldest first. */
export function orderRefunds(order: Pick<OrderView, 'payments'>): RefundOfPayment[] {
  return orderPayments(order)
    .flatMap((p) => (p.refunds ?? []).map((r) => ({ ...r, paymentId: p.paymentId, method: p.method })))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.refundId - b.refundId)
}

/** Refunds of the order's successful payment that are on their way (not yet in `refundedFen`). */
export function pendingRefundFen(order: Pick<OrderView, 'payments'>): number {
  return orderPayments(order)
    .filter((p) => p.status === 'SUCCEEDED')
    .flatMap((p) => p.refunds ?? [])
    .filter((r) => r.status === 'PENDING')
    .reduce((sum, r) => sum + r.amountFen, 0)
}

/** What may still be refunded: paid, minus what was refunded and what is being refunded. */
export function refundableFen(order: OrderFacts): number {
  if (!order.paidAt || order.status === 'REFUNDED') return 0
  return Math.max(0, order.totalFen - order.refundedFen - pendingRefundFen(order))
}

/** The bank transfer the buyer is expected to make for an unpaid order (at most one). */
export function awaitedTransfer(order: Pick<OrderView, 'status' | 'payments'>): OrderPayment | null {
  if (order.status !== 'PENDING_PAYMENT') return null
  return orderPayments(order).find((p) => p.method === 'BANK_TRANSFER' && p.status === 'AWAITING_TRANSFER') ?? null
}

export interface BuyerActions {
  pay: boolean
  cancel: boolean
  accept: boolean
  /** may (re)enter 发票抬头 and 税号: until the supplier records the invoice */
  requestInvoice: boolean
  /** the awaited bank transfer: its 回单 may be uploaded (again), or it may be withdrawn (撤销转账) */
  transfer: OrderPayment | null
}

export function buyerActions(order: OrderFacts): BuyerActions {
  return {
    pay: order.status === 'PENDING_PAYMENT',
    cancel: order.status === 'PENDING_PAYMENT' || order.status === 'PAID',
    accept: order.status === 'DELIVERED',
    requestInvoice: order.status !== 'CANCELLED' && !order.invoice.number,
    transfer: awaitedTransfer(order),
  }
}

export interface SupplierActions {
  ship: boolean
  deliver: boolean
  /** the bank transfer whose receipt the supplier may confirm */
  receiptOf: OrderPayment | null
  recordInvoice: boolean
  refund: boolean
  /** offline (bank-transfer) refunds the supplier still has to send and confirm (确认已退款) */
  refundsToSend: RefundOfPayment[]
}

export function supplierActions(order: OrderFacts): SupplierActions {
  return {
    ship: order.status === 'PAID',
    deliver: order.status === 'SHIPPED',
    receiptOf: awaitedTransfer(order),
    recordInvoice: !!order.paidAt && !!order.invoice.title && order.status !== 'CANCELLED',
    refund: refundableFen(order) > 0,
    refundsToSend: orderRefunds(order).filter((r) => r.offline && r.status === 'PENDING'),
  }
}
