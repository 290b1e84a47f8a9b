import { describe, expect, it } from 'vitest'
import { mismatchRows, parseObject, prettyJson } from '@/services/mismatch'

describe('mismatchRows', () => {
  it('pairs each reason with what was expected and what the gateway said, amounts in yuan and fen', () => {
    const rows = mismatchRows({
      reasons: ['AMOUNT', 'CURRENCY', 'INTENT_ID'],
      reasonLabels: ['金额与应付金额不符', '币种不符', '不是本笔支付创建的网关支付单'],
      expected: '{"paymentId":7,"intentId":"pi_ours","amountFen":9900,"currency":"cny"}',
      actual: '{"intentId":"pi_other","metadataPaymentId":"7","amount":1,"amountReceived":1,"currency":"usd","status":"succeeded"}',
    })
    expect(rows).toEqual([
      { reason: 'AMOUNT', label: '金额与应付金额不符', expected: '¥99.00（9900 分）', actual: '¥0.01（1 分）' },
      { reason: 'CURRENCY', label: '币种不符', expected: 'cny', actual: 'usd' },
      { reason: 'INTENT_ID', label: '不是本笔支付创建的网关支付单', expected: 'pi_ours', actual: 'pi_other' },
    ])
  })

  it('shows a missing value as such and an unknown reason without values', () => {
    const rows = mismatchRows({
      reasons: ['REFUND_ID', 'SOMETHING_NEW'],
      reasonLabels: ['不是本笔退款在网关的退款单'],
      expected: '{"refundId":3,"gatewayRefundId":null}',
      actual: 'not json',
    })
    expect(rows).toEqual([
      { reason: 'REFUND_ID', label: '不是本笔退款在网关的退款单', expected: '（无）', actual: '（无）' },
      { reason: 'SOMETHING_NEW', label: 'SOMETHING_NEW', expected: '—', actual: '—' },
    ])
  })

  it('indents JSON for reading and leaves other text alone', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}')
    expect(prettyJson('raw <event>')).toBe('raw <event>')
    expect(parseObject('[1]')).toBeNull()
  })
})
