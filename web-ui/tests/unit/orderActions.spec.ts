import { describe, expect, it } from 'vitest'
import { buyerActions, refundableFen, supplierActions } from '@/services/orderActions'
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
