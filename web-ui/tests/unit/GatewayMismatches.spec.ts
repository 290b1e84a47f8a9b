import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import GatewayMismatches from '@/components/operator/GatewayMismatches.vue'
import type { Mismatch } from '@/services/api/types'
import { stubFetch, type Call } from './helpers'

const OPEN: Mismatch = {
  id: 3,
  paymentId: 17,
  orderId: 42,
  refundId: null,
  eventId: 'evt_forged',
  eventType: 'payment_intent.succeeded',
  gatewayObjectId: 'pi_other',
  reasons: ['INTENT_ID', 'AMOUNT'],
  reasonLabels: ['不是本笔支付创建的网关支付单', '金额与应付金额不符'],
  expected: '{"paymentId":17,"intentId":"pi_ours","amountFen":9900,"currency":"cny"}',
  actual: '{"intentId":"pi_other","metadataPaymentId":"17","amount":1,"amountReceived":1,"currency":"cny","status":"succeeded"}',
  raw: '{"id":"evt_forged","type":"payment_intent.succeeded","data":{"object":{"id":"pi_other"}}}',
  createdAt: '2026-03-05T02:00:00Z',
  resolvedAt: null,
  resolvedBy: null,
  resolution: null,
}
const RESOLVED: Mismatch = { ...OPEN, id: 2, resolvedAt: '2026-03-05T03:00:00Z', resolvedBy: 'demo-operator', resolution: '网关误发，已核实' }

function page(items: Mismatch[]) {
  return { items, page: 0, size: 20, total: items.length }
}

async function mountList(answer: (call: Call) => [number, unknown, string?]) {
  const stub = stubFetch(answer)
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/operator/orders/:id', name: 'operator-order', component: { template: '<div />' } },
    ],
  })
  await router.push('/')
  const wrapper = mount(GatewayMismatches, { global: { plugins: [router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, ...stub }
}

const query = (c: Call) => new URL(c.url).searchParams

describe('GatewayMismatches', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('lists the open mismatches with their reasons, both sides and the raw event', async () => {
    const { wrapper, calls } = await mountList(() => [200, page([OPEN])])
    expect(query(calls[0]!).get('all')).toBe('false')
    const row = wrapper.get('[data-testid="mismatch-table"] tbody tr')
    expect(row.text()).toContain('订单 #42')
    expect(row.text()).toContain('不是本笔支付创建的网关支付单')
    expect(row.text()).toContain('金额与应付金额不符')
    expect(row.text()).toContain('待处理')

    await row.get('.el-table__expand-icon').trigger('click')
    await flushPromises()
    const compared = wrapper.get('[data-testid="mismatch-compared"]').text()
    expect(compared).toContain('pi_ours')
    expect(compared).toContain('pi_other')
    expect(compared).toContain('¥99.00（9900 分）')
    expect(compared).toContain('¥0.01（1 分）')
    expect(wrapper.get('[data-testid="mismatch-expected"]').text()).toContain('"intentId": "pi_ours"')
    expect(wrapper.get('[data-testid="mismatch-actual"]').text()).toContain('"amountReceived": 1')
    expect(wrapper.text()).toContain('原始事件（evt_forged）')
    expect(wrapper.get('[data-testid="mismatch-raw"]').text()).toContain('"type": "payment_intent.succeeded"')
    wrapper.unmount()
  })

  it('shows every mismatch on 全部, the resolved ones with who and when', async () => {
    const { wrapper, calls } = await mountList((c) => [200, page(query(c).get('all') === 'true' ? [OPEN, RESOLVED] : [OPEN])])
    const all = wrapper.findAll('[data-testid="mismatch-filter"] label').find((l) => l.text() === '全部')!
    await all.trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.findAll('[data-testid="mismatch-table"] tbody tr.el-table__row')).toHaveLength(2)
    })
    expect(query(calls.at(-1)!).get('all')).toBe('true')
    const resolved = wrapper.findAll('[data-testid="mismatch-table"] tbody tr.el-table__row')[1]!
    expect(resolved.text()).toContain('已处理')
    expect(resolved.text()).toContain('demo-operator · 2026-03-05 11:00')
    wrapper.unmount()
  })

  it('records what was done about a mismatch, and asks for it when left empty', async () => {
    let resolved = false
    const { wrapper, calls } = await mountList((c) => {
      if (c.method === 'POST') {
        resolved = true
        return [200, { ...OPEN, resolvedAt: '2026-03-05T03:00:00Z', resolvedBy: 'demo-operator', resolution: String((c.body as { resolution: string }).resolution) }]
      }
      return [200, page(resolved ? [] : [OPEN])]
    })
    await wrapper.get('[data-testid="mismatch-table"] tbody').findAll('button').find((b) => b.text() === '处理')!.trigger('click')
    await flushPromises()
    const dialog = () => document.querySelector('[data-testid="mismatch-resolve-dialog"]')!
    expect(dialog().querySelector('.el-dialog__title')?.textContent).toBe('处理网关异常 #3')
    const confirm = () => [...dialog().querySelectorAll('button')].find((b) => b.textContent?.trim() === '确认处理')!
    confirm().click()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(dialog().textContent).toContain('请填写处理说明')
    })
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    const textarea = dialog().querySelector('textarea')!
    textarea.value = '  已与网关核实：伪造事件，未入账  '
    textarea.dispatchEvent(new Event('input'))
    await flushPromises()
    confirm().click()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.text()).toContain('没有待处理的网关异常')
    })
    const post = calls.find((c) => c.method === 'POST')!
    expect(new URL(post.url).pathname).toBe('/api/v1/payments/mismatches/3/resolution')
    expect(post.body).toEqual({ resolution: '已与网关核实：伪造事件，未入账' })
    expect(wrapper.emitted('resolved')).toHaveLength(1)
    wrapper.unmount()
  })
})
