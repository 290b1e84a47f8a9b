import { describe, expect, it } from 'vitest'
import { buyerActions, orderRefunds, refundableFen, supplierActions } from '@/services/orderActions'
import type { OrderStatus, OrderView } from '@/services/api/types'

const NO_INVOICE: OrderView['invoice'] = { title: null, taxNumber: null, requestedAt: null, number: null, issuedOn: null }

function order(status: OrderStatus, over: Partial<OrderView> = {}) {
  return {
    status,
    totalFen: 10000,
    refundedFen: 0,
    paidAt: status === 'PENDING_PAYMENT' || status === 'CANCELLED' ? null : '2026-03-05T02:05:00Z',
    invoice: NO_INVOICE,
    payments: [] as OrderView['payments'],
    ...over,
  }
}

describe('buyerActions', () => {
  it.each([
    ['PENDING_PAYMENT', { pay: true, cancel: true, accept: false }],
    ['PAID', { pay: false, cancel: true, accept: false }],
    ['SHIPPED', { pay: false, cancel: false, accept: false }],
    ['DELIVERED', { pay: false, cancel: false, accept: true }],
    ['ACCEPTED', { pay: false, cancel: false, accept: false }],
    ['CANCELLED', { pay: false, cancel: false, accept: false }],
  ] as const)('offers what a %s order allows', (status, expected) => {
    expect(buyerActions(order(status))).toMatchObject(expected)
  })

  it('lets the buyer enter invoice details until the invoice is issued, never for a cancelled order', () => {
    expect(buyerActions(order('PAID')).requestInvoice).toBe(true)
    expect(buyerActions(order('PAID', { invoice: { ...NO_INVOICE, title: '某单位', number: '12345678' } })).requestInvoice).toBe(false)
    expect(buyerActions(order('CANCELLED')).requestInvoice).toBe(false)
  })

  it('offers the awaited bank transfer (回单, 撤销转账) only while the order is unpaid', () => {
    const withdrawnCard = { paymentId: 4, method: 'CARD', status: 'CANCELLED', amountFen: 10000 }
    const transfer = { paymentId: 5, method: 'BANK_TRANSFER', status: 'AWAITING_TRANSFER', amountFen: 10000 }
    const payments = [withdrawnCard, transfer] as unknown as OrderView['payments']
    expect(buyerActions(order('PENDING_PAYMENT', { payments })).transfer).toMatchObject({ paymentId: 5 })
    expect(buyerActions(order('PENDING_PAYMENT', { payments: [withdrawnCard] as unknown as OrderView['payments'] })).transfer).toBeNull()
    expect(buyerActions(order('CANCELLED', { payments })).transfer).toBeNull()
  })
})

describe('supplierActions', () => {
  it('ships paid orders and delivers shipped ones', () => {
    expect(supplierActions(order('PAID'))).toMatchObject({ ship: true, deliver: false })
    expect(supplierActions(order('SHIPPED'))).toMatchObject({ ship: false, deliver: true })
    expect(supplierActions(order('PENDING_PAYMENT'))).toMatchObject({ ship: false, deliver: false, refund: false })
  })

  it('confirms the receipt of a bank transfer that is awaited', () => {
    const transfer = { paymentId: 5, method: 'BANK_TRANSFER', status: 'AWAITING_TRANSFER', amountFen: 10000, transferReference: 'HN1P5' }
    const failedCard = { paymentId: 4, method: 'CARD', status: 'FAILED', amountFen: 10000 }
    const payments = [failedCard, transfer] as unknown as OrderView['payments']
    expect(supplierActions(order('PENDING_PAYMENT', { payments })).receiptOf).toMatchObject({ paymentId: 5 })
    expect(supplierActions(order('PENDING_PAYMENT', { payments: [failedCard] as unknown as OrderView['payments'] })).receiptOf).toBeNull()
    expect(supplierActions(order('CANCELLED', { payments })).receiptOf).toBeNull()
  })

  it('records the invoice once the buyer asked for one on a paid order', () => {
    expect(supplierActions(order('PAID')).recordInvoice).toBe(false)
    expect(supplierActions(order('PAID', { invoice: { ...NO_INVOICE, title: '某单位', taxNumber: '11520000MB1234567X' } })).recordInvoice).toBe(true)
    expect(supplierActions(order('PENDING_PAYMENT', { invoice: { ...NO_INVOICE, title: '某单位' } })).recordInvoice).toBe(false)
  })
})

describe('offline refunds', () => {
  const refund = (refundId: number, status: string, amountFen: number, offline = true) => ({
    refundId,
    amountFen,
    status,
    offline,
    cause: 'MANUAL',
    reason: '部分商品破损',
    createdAt: `2026-03-06T0${refundId}:00:00Z`,
  })
  const paid = (refunds: unknown[], method = 'BANK_TRANSFER') =>
    [{ paymentId: 7, method, status: 'SUCCEEDED', amountFen: 10000, refunds }] as unknown as OrderView['payments']

  it('asks the supplier to send and confirm the pending bank-transfer refunds, not the card ones', () => {
    const payments = paid([refund(1, 'SUCCEEDED', 1000), refund(2, 'PENDING', 1050)])
    expect(supplierActions(order('PAID', { refundedFen: 1000, payments })).refundsToSend).toEqual([
      expect.objectContaining({ refundId: 2, amountFen: 1050, paymentId: 7 }),
    ])
    expect(supplierActions(order('PAID', { payments: paid([refund(3, 'PENDING', 500, false)], 'CARD') })).refundsToSend).toEqual([])
  })

  it('does not offer again what is being refunded', () => {
    const payments = paid([refund(1, 'SUCCEEDED', 1000), refund(2, 'PENDING', 1050), refund(3, 'FAILED', 300)])
    expect(refundableFen(order('PAID', { refundedFen: 1000, payments }))).toBe(7950)
    expect(supplierActions(order('PAID', { refundedFen: 1000, payments: paid([refund(2, 'PENDING', 8000)]) })).refund).toBe(true)
    expect(supplierActions(order('PAID', { refundedFen: 1000, payments: paid([refund(2, 'PENDING', 9000)]) })).refund).toBe(false)
    expect(refundableFen(order('PAID', { refundedFen: 0, payments: paid([refund(2, 'PENDING', 10000)]) }))).toBe(0)
  })

  it('lists the refunds of every payment oldest first', () => {
    const payments = paid([refund(2, 'PENDING', 1050), refund(1, 'SUCCEEDED', 1000)])
    expect(orderRefunds({ payments }).map((r) => r.refundId)).toEqual([1, 2])
  })
})

describe('refundableFen', () => {
  it('is what was paid and not yet refunded', () => {
    expect(refundableFen(order('PAID'))).toBe(10000)
    expect(refundableFen(order('ACCEPTED', { refundedFen: 2550 }))).toBe(7450)
    expect(supplierActions(order('ACCEPTED', { refundedFen: 2550 })).refund).toBe(true)
  })

  it('is nothing for unpaid or fully refunded orders', () => {
    expect(refundableFen(order('PENDING_PAYMENT'))).toBe(0)
    expect(refundableFen(order('REFUNDED', { refundedFen: 10000 }))).toBe(0)
    expect(supplierActions(order('REFUNDED', { refundedFen: 10000 })).refund).toBe(false)
  })
})
