import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import QuotaPlanPage from '@/pages/buyer/QuotaPlanPage.vue'
import { currentYear } from '@/services/quota'
import { stubFetch } from './helpers'

const YEAR = currentYear()

async function mountPage() {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/buyer/quota', component: QuotaPlanPage },
      { path: '/buyer/quota/progress', component: { template: '<div />' } },
    ],
  })
  await router.push('/buyer/quota')
  const wrapper = mount(QuotaPlanPage, { global: { plugins: [router, ElementPlus] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-testid="quota-floor"]').exists()).toBe(true)
  })
  return wrapper
}

describe('QuotaPlanPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows the floor from the API and the live minimum rounded up to the fen, and files in fen', async () => {
    const { calls } = stubFetch((call) => {
      if (call.url.endsWith(`/quota/plans/${YEAR}/floor`))
        return [200, { year: YEAR, provinceCode: '110000', provinceFloorPercent: 15, floorPercent: 15, ratioExceptionId: null, deadline: `${YEAR}-06-30`, lateIfFiledNow: true }]
      if (call.url.endsWith(`/quota/plans/${YEAR}/versions`)) return [200, []]
      if (call.url.includes('/quota/ratio-exceptions')) return [200, { items: [], page: 0, size: 50, total: 0 }]
      if (call.method === 'PUT') return [422, { title: '不符合业务规则', status: 422, detail: '预留份额不得低于…', violations: [{ field: 'reservedFen', message: '预留份额至少为150001分' }] }]
      return [404, { title: '本单位尚未填报', status: 404 }]
    })
    const wrapper = await mountPage()
    expect(wrapper.get('[data-testid="quota-floor"]').text()).toBe('15%')
    expect(wrapper.get('[data-testid="quota-plan-status"]').text()).toBe('未填报')
    expect(wrapper.text()).toContain('已过填报截止日期')

    await wrapper.get('input[aria-label="年度食堂食材采购总额（元）"]').setValue('10,000.01')
    await flushPromises()
    // 15% of 1,000,001 fen is 150,000.15 fen: at least 150,001 fen
    expect(wrapper.get('[data-testid="quota-minimum"]').text()).toContain('¥1,500.01')
    await wrapper.findAll('button').find((b) => b.text() === '按最低额填入')!.trigger('click')
    await flushPromises()
    expect((wrapper.get('input[aria-label="预留份额（元）"]').element as HTMLInputElement).value).toBe('1500.01')

    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true))
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.body).toMatchObject({ canteen: 'OWN', annualCanteenProcurementFen: 1_000_001, reservedFen: 150_001 })
    // the server's violation is shown next to the field
    await vi.waitFor(() => expect(wrapper.text()).toContain('预留份额至少为150001分'))
  })
})
