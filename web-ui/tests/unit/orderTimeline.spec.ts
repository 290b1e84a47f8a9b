import { describe, expect, it } from 'vitest'
import { orderProgress, orderTimeline } from '@/services/orderTimeline'
import type { OrderHistoryEntry } from '@/services/api/types'

const h = (fromStatus: OrderHistoryEntry['fromStatus'], toStatus: OrderHistoryEntry['toStatus'], action: string, at: string, actor = 'demo-buyer'): OrderHistoryEntry => ({
  fromStatus,
  toStatus,
  action,
  actor,
  at,
})

const PLACED = h(null, 'PENDING_PAYMENT', 'ORDER_PLACED', '2026-03-05T02:00:00Z')
const PAID = h('PENDING_PAYMENT', 'PAID', 'ORDER_PAID', '2026-03-05T02:05:00Z')
const INVOICE = h('PAID', 'PAID', 'ORDER_INVOICE_REQUESTED', '2026-03-05T02:06:00Z')
const SHIPPED = h('PAID', 'SHIPPED', 'ORDER_SHIPPED', '2026-03-06T01:00:00Z', 'demo-supplier')
const DELIVERED = h('SHIPPED', 'DELIVERED', 'ORDER_DELIVERED', '2026-03-07T01:00:00Z', 'demo-supplier')
const ACCEPTED = h('DELIVERED', 'ACCEPTED', 'ORDER_ACCEPTED', '2026-03-07T03:00:00Z')

describe('orderTimeline', () => {
  it('labels every event in Chinese, oldest first, in Beijing time', () => {
    const items = orderTimeline([PAID, PLACED, INVOICE])
    expect(items.map((i) => [i.label, i.statusLabel, i.time, i.actor])).toEqual([
      ['提交订单', '待支付', '2026-03-05 10:00', 'demo-buyer'],
      ['支付成功', '已支付', '2026-03-05 10:05', 'demo-buyer'],
      ['提交开票信息', '已支付', '2026-03-05 10:06', 'demo-buyer'],
    ])
  })

  it('colours events: status changes, side events, endings', () => {
    const cancelled = h('PAID', 'CANCELLED', 'ORDER_CANCELLED', '2026-03-05T03:00:00Z')
    const refund = h('PAID', 'PAID', 'ORDER_PARTIALLY_REFUNDED', '2026-03-05T04:00:00Z', 'demo-supplier')
    expect(orderTimeline([PLACED, INVOICE, ACCEPTED, cancelled, refund]).map((i) => i.type)).toEqual(['primary', 'info', 'danger', 'danger', 'success'])
  })

  it('keeps the server order for events at the same instant, and names unknown actions by their status', () => {
    const same = h('PENDING_PAYMENT', 'PAID', 'SOMETHING_NEW', PLACED.at)
    expect(orderTimeline([PLACED, same]).map((i) => i.label)).toEqual(['提交订单', '已支付'])
  })
})

describe('orderProgress', () => {
  it('shows a new order placed and waiting for payment', () => {
    const p = orderProgress('PENDING_PAYMENT', [PLACED])
    expect(p.steps.map((s) => s.title)).toEqual(['提交订单', '支付', '发货', '送达', '验收'])
    expect(p.active).toBe(1)
    expect(p.status).toBe('process')
    expect(p.steps.map((s) => s.time)).toEqual(['2026-03-05 10:00', '—', '—', '—', '—'])
  })

  it('moves along with the status and the times each step was reached', () => {
    const p = orderProgress('SHIPPED', [PLACED, PAID, INVOICE, SHIPPED])
    expect(p.active).toBe(3)
    expect(p.steps[2]!.time).toBe('2026-03-06 09:00')
  })

  it('has every step done once accepted', () => {
    const p = orderProgress('ACCEPTED', [PLACED, PAID, SHIPPED, DELIVERED, ACCEPTED])
    expect(p.active).toBe(5)
    expect(p.steps[4]!.time).toBe('2026-03-07 11:00')
  })

  it('ends a cancelled order with an error step after the last step reached', () => {
    const p = orderProgress('CANCELLED', [PLACED, PAID, h('PAID', 'CANCELLED', 'ORDER_CANCELLED', '2026-03-05T03:00:00Z')])
    expect(p.steps.map((s) => s.title)).toEqual(['提交订单', '支付', '已取消'])
    expect(p).toMatchObject({ active: 2, status: 'error' })
    expect(p.steps[2]!.time).toBe('2026-03-05 11:00')
  })

  it('ends an expired order right after 提交订单', () => {
    const p = orderProgress('CANCELLED', [PLACED, h('PENDING_PAYMENT', 'CANCELLED', 'ORDER_EXPIRED', '2026-03-05T03:00:00Z', 'system')])
    expect(p.steps.map((s) => s.title)).toEqual(['提交订单', '已取消'])
  })

  it('ends a fully refunded order with 已退款', () => {
    const p = orderProgress('REFUNDED', [PLACED, PAID, SHIPPED, h('SHIPPED', 'REFUNDED', 'ORDER_REFUNDED', '2026-03-06T05:00:00Z', 'demo-supplier')])
    expect(p.steps.map((s) => s.title)).toEqual(['提交订单', '支付', '发货', '已退款'])
    expect(p.status).toBe('error')
  })
})
