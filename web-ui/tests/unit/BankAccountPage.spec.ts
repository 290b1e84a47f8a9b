import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import BankAccountPage from '@/pages/supplier/BankAccountPage.vue'
import type { Schema } from './fixtures'
import { stubFetch } from './helpers'

const ACCOUNT: Schema<'BankAccount'> = {
  supplierId: 7,
  bankName: '中国农业银行雷山县支行',
  accountName: '雷山县苗岭银球茶农民专业合作社',
  accountNumber: '23405101040012345',
  updatedAt: '2026-11-22T10:00:00Z',
}

describe('BankAccountPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows the recorded account with the number in groups of four', async () => {
    stubFetch(() => [200, ACCOUNT])
    setActivePinia(createPinia())
    const wrapper = mount(BankAccountPage, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    const text = wrapper.get('[data-testid="bank-account"]').text()
    expect(text).toContain('中国农业银行雷山县支行')
    expect(text).toContain('2340 5101 0400 1234 5')
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('without an account, offers the form and saves it (spaces dropped from the number)', async () => {
    const { calls } = stubFetch((call) =>
      call.method === 'GET' ? [404, { type: 'about:blank', title: '资源不存在', status: 404, detail: '尚未登记对公账户' }] : [200, ACCOUNT],
    )
    setActivePinia(createPinia())
    const wrapper = mount(BankAccountPage, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.text()).toContain('尚未登记对公账户')
    const inputs = wrapper.findAll('input')
    await inputs[0].setValue(ACCOUNT.bankName)
    await inputs[1].setValue(ACCOUNT.accountName)
    await inputs[2].setValue('2340 5101 0400 1234 5')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const put = calls.find((c) => c.method === 'PUT')
    expect(put?.url).toContain('/api/v1/suppliers/me/bank-account')
    expect(put?.body).toEqual({ bankName: ACCOUNT.bankName, accountName: ACCOUNT.accountName, accountNumber: ACCOUNT.accountNumber })
    expect(wrapper.get('[data-testid="bank-account"]').text()).toContain('2340 5101 0400 1234 5')
  })
})
