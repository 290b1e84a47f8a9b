import { describe, expect, it } from 'vitest'
import {
  alertType,
  candidateBlocker,
  candidateStatus,
  daysLeftText,
  dueDetail,
  dueReasonLabel,
  dueReasonTag,
  sentMessage,
} from '@/services/reminders'

describe('reminder wording', () => {
  it('says how far the deadline is, or how long it has passed', () => {
    expect(daysLeftText(5)).toBe('还剩 5 天')
    expect(daysLeftText(0)).toBe('今天截止')
    expect(daysLeftText(-12)).toBe('逾期 12 天')
  })

  it('labels a unit not filed after the deadline as overdue and most urgent', () => {
    expect(dueReasonLabel({ reason: 'NOT_FILED', overdue: true })).toBe('未填报（已逾期）')
    expect(dueReasonTag({ reason: 'NOT_FILED', overdue: true })).toBe('danger')
    expect(dueReasonLabel({ reason: 'NOT_FILED', overdue: false })).toBe('未填报')
    expect(dueReasonTag({ reason: 'BEHIND_PACE', overdue: false })).toBe('warning')
  })

  it('shows the gap to the pace for units behind it, in yuan', () => {
    expect(dueDetail({ reason: 'BEHIND_PACE', daysLeft: -100, gapFen: 123_456 })).toBe('距序时进度差 ¥1,234.56')
    expect(dueDetail({ reason: 'NOT_FILED', daysLeft: 3, gapFen: 0 })).toBe('还剩 3 天')
  })

  it('reports a double click as already reminded today', () => {
    expect(sentMessage({ sent: 3, alreadyRemindedToday: 0 })).toBe('已向 3 个单位发送催办')
    expect(sentMessage({ sent: 0, alreadyRemindedToday: 2 })).toBe('所选 2 个单位今天已催办过，未重复发送')
    expect(sentMessage({ sent: 1, alreadyRemindedToday: 2 })).toContain('2 个单位今天已催办过')
  })

  it('maps severities to el-alert types', () => {
    expect(alertType('ERROR')).toBe('error')
    expect(alertType('SUCCESS')).toBe('success')
  })
})

describe('representative candidates', () => {
  it('only units filed with their own or an outsourced canteen can be chosen', () => {
    expect(candidateBlocker({ filed: true, canteen: 'OWN', eligible: true })).toBeUndefined()
    expect(candidateStatus({ filed: true, canteen: 'OUTSOURCED', eligible: true })).toEqual({ text: '已填报·外包食堂', type: 'success' })
    expect(candidateBlocker({ filed: false, canteen: null, eligible: false })).toContain('尚未填报')
    expect(candidateStatus({ filed: false, canteen: null, eligible: false }).type).toBe('warning')
    expect(candidateBlocker({ filed: true, canteen: 'NONE', eligible: false })).toContain('自有或外包')
  })
})
