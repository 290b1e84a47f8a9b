import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import ReceiptDialog from '@/components/orders/ReceiptDialog.vue'
import type { OrderPayment } from '@/services/api/types'
import { stubFetch } from './helpers'

const TRANSFER: OrderPayment = {
  paymentId: 5,
  method: 'BANK_TRANSFER',
  status: 'AWAITING_TRANSFER',
  statusLabel: '待转账',
  amountFen: 9900,
  createdAt: '2026-03-02T02:00:00Z',
  expiresAt: '2026-03-09T02:00:00Z',
  transferReference: 'HN4P5',
  transferDate: '2026-03-03',
  slip: { fileId: 8, name: '回单.pdf', contentType: 'application/pdf', size: 2048 },
}

async function open(answer: Parameters<typeof stubFetch>[0]) {
  const stub = stubFetch(answer)
  setActivePinia(createPinia())
  const wrapper = mount(ReceiptDialog, {
    props: { modelValue: false, order: { id: 4, createdAt: '2026-03-02T01:00:00Z' }, payment: TRANSFER },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  const dialog = () => document.querySelector('[data-testid="receipt-dialog"]')!
  const input = (label: string) => dialog().querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!
  const confirm = async () => {
    ;[...dialog().querySelectorAll('button')].find((b) => b.textContent?.trim() === '确认到账')!.click()
    await flushPromises()
  }
  return { wrapper, dialog, input, confirm, ...stub }
}

describe('ReceiptDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('proposes the slip’s transfer date and the payment’s amount, and sends both', async () => {
    const { wrapper, input, confirm, calls } = await open(() => [200, { ...TRANSFER, status: 'SUCCEEDED', statusLabel: '支付成功' }])
    expect(input('转账日期').value).toBe('2026-03-03')
    expect(input('到账金额').value).toBe('99.00')
    await confirm()
    await vi.waitFor(() => expect(wrapper.emitted('done')).toHaveLength(1))
    expect(new URL(calls[0]!.url).pathname).toBe('/api/v1/payments/5/receipt')
    expect(calls[0]!.body).toEqual({ transferDate: '2026-03-03', amountFen: 9900 })
  })

  it('shows why another amount is refused (422), on the form and on the amount', async () => {
    const { wrapper, dialog, input, confirm } = await open(() => [
      422,
      {
        type: 'https://huinong.cn/problems/rule-violated',
        title: '不符合业务规则',
        status: 422,
        detail: '到账金额9800分与应付金额9900分不符，不能确认到账；请与买方核对',
        violations: [{ field: 'amountFen', message: '应为9900分' }],
      },
    ])
    const amount = input('到账金额')
    amount.value = '98'
    amount.dispatchEvent(new Event('input'))
    await flushPromises()
    await confirm()
    await vi.waitFor(() => {
      expect(dialog().querySelector('[data-testid="receipt-problem"]')?.textContent).toContain('与应付金额9900分不符')
      expect(dialog().textContent).toContain('应为9900分')
    })
    expect(wrapper.emitted('done')).toBeUndefined()
  })
})
