import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import AddToCart from '@/components/store/AddToCart.vue'
import { useSessionStore } from '@/stores/session'
import { cartLine, me } from './fixtures'
import { stubFetch } from './helpers'

const line = (quantity: number) => cartLine({ productId: 42, supplierName: '合作社', quantity, amountFen: 9900 * quantity })

async function mountAs(role: 'BUYER' | 'SUPPLIER' | null, compact = false) {
  setActivePinia(createPinia())
  if (role) {
    const session = useSessionStore()
    session.token = 'token'
    session.expiresAt = Date.now() + 3_600_000
    session.me = me('u', { id: 1, kind: role, name: '单位' })
  }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/products/:id', name: 'product', component: { template: '<div />' } },
      { path: '/login', name: 'login', component: { template: '<div />' } },
      { path: '/buyer/cart', name: 'buyer-cart', component: { template: '<div />' } },
    ],
  })
  await router.push('/products/42')
  const wrapper = mount(AddToCart, {
    props: { productId: 42, productName: '从江香禾糯', stock: 500, unit: '袋', compact },
    global: { plugins: [router, ElementPlus] },
    attachTo: document.body,
  })
  return { wrapper, router }
}

describe('AddToCart', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('adds the chosen quantity to what the buyer unit cart already holds', async () => {
    const { calls } = stubFetch((call) => (call.method === 'GET' ? [200, { lines: [line(2)], totalFen: 19800 }] : [200, { lines: [line(5)], totalFen: 49500 }]))
    const { wrapper } = await mountAs('BUYER')
    await wrapper.get('input').setValue('3')
    await wrapper.get('input').trigger('change')
    await wrapper.findAll('button').find((b) => b.text() === '加入采购车')!.trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(calls.some((c) => c.method === 'PUT')).toBe(true)
    })
    const put = calls.find((c) => c.method === 'PUT')!
    expect(new URL(put.url).pathname).toBe('/api/v1/cart/lines/42')
    expect(put.body).toEqual({ quantity: 5 })
    await vi.waitFor(() => expect(wrapper.text()).toContain('采购车已有 5 袋，去结算'))
  })

  it('asks visitors to sign in as a buyer unit', async () => {
    stubFetch(() => [500, {}])
    const { wrapper, router } = await mountAs(null)
    const button = wrapper.findAll('button').find((b) => b.text() === '登录采购单位账号后加入采购车')!
    await button.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/products/42'))
  })

  it('tells other roles that only buyer units order', async () => {
    stubFetch(() => [500, {}])
    const { wrapper } = await mountAs('SUPPLIER')
    expect(wrapper.find('button').exists()).toBe(false)
    expect(wrapper.text()).toContain('仅已通过审核的采购单位（预算单位）账号可以下单采购')
  })
})
