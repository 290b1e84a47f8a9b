import { describe, expect, it } from 'vitest'
import { isLive, paymentDeadline, refundCauseLabel, refundStatusLabel, remainingText, slipFileProblem } from '@/services/payments'

describe('paymentDeadline', () => {
  const now = new Date('2026-03-05T02:00:00Z') // 10:00 in Beijing

  it('asks for a bank transfer before its deadline, in Beijing time, with the days left', () => {
    const d = paymentDeadline({ method: 'BANK_TRANSFER', status: 'AWAITING_TRANSFER', expiresAt: '2026-03-12T01:59:00Z' }, now)
    expect(d).toEqual({ text: '请于 2026-03-12 09:59 前完成转账', remaining: '剩余 6 天 23 小时', overdue: false, soon: false })
  })

  it('asks for a card payment before its 30 minutes are over, and says when less than a day is left', () => {
    const d = paymentDeadline({ method: 'CARD', status: 'PENDING', expiresAt: '2026-03-05T02:30:00Z' }, now)
    expect(d).toMatchObject({ text: '请于 2026-03-05 10:30 前完成支付', remaining: '剩余 30 分钟', soon: true, overdue: false })
    // a declined card may be tried again: still live, still timed
    expect(paymentDeadline({ method: 'CARD', status: 'FAILED', expiresAt: '2026-03-05T02:30:00Z' }, now)?.soon).toBe(true)
  })

  it('says that a deadline has passed', () => {
    const d = paymentDeadline({ method: 'BANK_TRANSFER', status: 'AWAITING_TRANSFER', expiresAt: '2026-03-05T01:00:00Z' }, now)
    expect(d).toEqual({ text: '转账期限已于 2026-03-05 09:00 截止', remaining: '已截止', overdue: true, soon: false })
  })

  it('has no deadline for attempts that are over', () => {
    for (const status of ['SUCCEEDED', 'CANCELLED', 'ORPHANED']) {
      expect(paymentDeadline({ method: 'BANK_TRANSFER', status, expiresAt: '2026-03-12T01:59:00Z' }, now)).toBeNull()
    }
    expect(paymentDeadline({ method: 'CARD', status: 'PENDING', expiresAt: null }, now)).toBeNull()
  })

  it('words the time left in whole minutes, hours and days', () => {
    expect(remainingText(59_000)).toBe('剩余不足 1 分钟')
    expect(remainingText(61 * 60_000)).toBe('剩余 1 小时 1 分钟')
    expect(remainingText(2 * 3600_000)).toBe('剩余 2 小时')
    expect(remainingText(24 * 3600_000)).toBe('剩余 1 天')
    expect(remainingText(0)).toBe('已截止')
  })
})

describe('live attempts and refunds', () => {
  it('counts pending, awaited and declined attempts as live', () => {
    expect(['PENDING', 'AWAITING_TRANSFER', 'FAILED'].every(isLive)).toBe(true)
    expect(['SUCCEEDED', 'CANCELLED', 'ORPHANED'].some(isLive)).toBe(false)
  })

  it('shows a pending offline refund as the supplier’s to send, to the supplier and to the buyer', () => {
    expect(refundStatusLabel({ status: 'PENDING', offline: true }, 'SUPPLIER')).toBe('待供应商汇出')
    expect(refundStatusLabel({ status: 'PENDING', offline: true }, 'BUYER')).toBe('待供应商退款')
    expect(refundStatusLabel({ status: 'PENDING', offline: false }, 'BUYER')).toBe('退款处理中')
    expect(refundStatusLabel({ status: 'SUCCEEDED', offline: true }, 'SUPPLIER')).toBe('已退款')
    expect(refundStatusLabel({ status: 'FAILED', offline: false }, 'OPERATOR')).toBe('退款失败')
    expect(refundCauseLabel('CANCELLATION')).toBe('订单取消，全额退款')
  })

  it('refuses files that cannot be a 回单 before uploading them', () => {
    expect(slipFileProblem({ name: '回单.pdf', size: 2048 })).toBeNull()
    expect(slipFileProblem({ name: 'slip.JPG', size: 2048 })).toBeNull()
    expect(slipFileProblem({ name: '回单.docx', size: 2048 })).toContain('仅支持 PDF、JPEG、PNG、OFD')
    expect(slipFileProblem({ name: '回单.pdf', size: 11 * 1024 * 1024 })).toBe('转账回单不能超过 10 MB')
    expect(slipFileProblem({ name: '回单.pdf', size: 0 })).toBe('请选择非空的文件')
  })
})
