/** What the buyer unit and the supplier may do with an order in its current state (the server decides; this only offers). */
import type { OrderPayment, OrderView } from './api/types'

type OrderFacts = Pick<OrderView, 'status' | 'totalFen' | 'refundedFen' | 'paidAt' | 'invoice'> & { payments: readonly unknown[] }

/** The payments of an order, typed (the document has them as free-form maps). */
export function orderPayments(order: Pick<OrderView, 'payments'>): OrderPayment[] {
  return order.payments as unknown as OrderPayment[]
}

export function refundableFen(order: OrderFacts): number {
  if (!order.paidAt || order.status === 'REFUNDED') return 0
  return Math.max(0, order.totalFen - order.refundedFen)
}

export interface BuyerActions {
  pay: boolean
  cancel: boolean
  accept: boolean
  /** may (re)enter 发票抬头 and 税号: until the supplier records the invoice */
  requestInvoice: boolean
}

export function buyerActions(order: OrderFacts): BuyerActions {
  return {
    pay: order.status === 'PENDING_PAYMENT',
    cancel: order.status === 'PENDING_PAYMENT' || order.status === 'PAID',
    accept: order.status === 'DELIVERED',
    requestInvoice: order.status !== 'CANCELLED' && !order.invoice.number,
  }
}

export interface SupplierActions {
  ship: boolean
  deliver: boolean
  /** the bank transfer whose receipt the supplier may confirm */
  receiptOf: OrderPayment | null
  recordInvoice: boolean
  refund: boolean
}

export function supplierActions(order: OrderFacts): SupplierActions {
  const awaiting =
    order.status === 'PENDING_PAYMENT'
      ? ((order.payments as OrderPayment[]).find((p) => p.method === 'BANK_TRANSFER' && p.status === 'AWAITING_TRANSFER') ?? null)
      : null
  return {
    ship: order.status === 'PAID',
    deliver: order.status === 'SHIPPED',
    receiptOf: awaiting,
    recordInvoice: !!order.paidAt && !!order.invoice.title && order.status !== 'CANCELLED',
    refund: refundableFen(order) > 0,
  }
}
