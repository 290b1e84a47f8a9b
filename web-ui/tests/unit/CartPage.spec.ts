import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import CartPage from '@/pages/buyer/CartPage.vue'
import { resetProductLookup } from '@/composables/useProductLookup'
import { cartLine, me, type Schema } from './fixtures'
import { useSessionStore } from '@/stores/session'

const LINE = {
  supplierId: 7,
  supplierName: '雷山县苗岭银球茶农民专业合作社',
  unit: '袋',
  spec: '5千克/袋',
  stock: 500,
  available: true,
}
const CART: Schema<'CartView'> = {
  lines: [
    cartLine({ ...LINE, productId: 1, name: '从江香禾糯', priceFen: 9900, quantity: 2, amountFen: 19800, eligible: true }),
    cartLine({ ...LINE, productId: 2, name: '榕江小香鸡', supplierId: 9, supplierName: '榕江县合作社', unit: '只', priceFen: 8800, quantity: 1, amountFen: 8800, eligible: false }),
  ],
  totalFen: 28600,
}
const ME = me('demo-buyer', { id: 3, kind: 'BUYER', name: '贵州省机关事务管理局', creditCode: '11520000MB1234567X', regionCode: '520102' })

interface Call {
  method: string
  path: string
  key: string | null
  body: unknown
}

/** The API behind the page: the cart (with each line's eligibility) and the checkout answers given in turn. */
function stubApi(checkoutAnswers: Array<'network' | [number, unknown]>) {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname
      const text = request.body ? await request.text() : ''
      calls.push({ method: request.method, path, key: request.headers.get('Idempotency-Key'), body: text ? JSON.parse(text) : undefined })
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
        })
      if (path === '/api/v1/cart') return json(200, CART)
      if (path === '/api/v1/cart/checkout') {
        const answer = checkoutAnswers.shift()
        if (!answer || answer === 'network') throw new TypeError('Failed to fetch')
        return json(answer[0], answer[1])
      }
      return json(404, { status: 404 })
    }),
  )
  return calls
}

async function mountCart() {
  setActivePinia(createPinia())
  const session = useSessionStore()
  session.token = 'token'
  session.expiresAt = Date.now() + 3_600_000
  session.me = ME
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/buyer/cart', name: 'buyer-cart', component: CartPage },
      { path: '/buyer/orders', name: 'buyer-orders', component: { template: '<div />' } },
      { path: '/buyer/orders/:id', name: 'buyer-order', component: { template: '<div />' } },
      { path: '/products/:id', name: 'product', component: { template: '<div />' } },
      { path: '/search', name: 'search', component: { template: '<div />' } },
    ],
  })
  await router.push('/buyer/cart')
  const wrapper = mount(CartPage, { global: { plugins: [router, ElementPlus] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-testid="cart-eligible"]').text()).toBe('¥198.00')
  }, { timeout: 5000 })
  return { wrapper, router }
}

async function submit(wrapper: Awaited<ReturnType<typeof mountCart>>['wrapper']) {
  const button = wrapper.findAll('button').find((b) => b.text() === '提交订单')!
  await button.trigger('click')
  await vi.waitFor(async () => {
    await flushPromises()
    // done when it stops loading, or when the emptied cart replaced the form
    expect(button.element.isConnected && button.classes().includes('is-loading')).toBe(false)
  }, { timeout: 5000 })
}

describe('CartPage', () => {
  beforeEach(() => {
    localStorage.clear()
    resetProductLookup()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('groups lines by supplier with subtotals and the amounts that count towards the reserved share', async () => {
    stubApi([])
    const { wrapper } = await mountCart()
    const groups = wrapper.findAll('[data-testid="cart-group"]')
    expect(groups.map((g) => g.find('.group__header strong').text())).toEqual(['雷山县苗岭银球茶农民专业合作社', '榕江县合作社'])
    expect(groups[0]!.get('[data-testid="cart-group-subtotal"]').text()).toContain('¥198.00')
    expect(groups[0]!.get('[data-testid="cart-group-subtotal"]').text()).toContain('其中计入预留份额 ¥198.00')
    expect(groups[1]!.get('[data-testid="cart-group-subtotal"]').text()).toContain('其中计入预留份额 ¥0.00')
    expect(wrapper.get('[data-testid="cart-total"]').text()).toBe('¥286.00')
    expect(wrapper.text()).toContain('将生成 2 个订单')
  })

  it('retries a checkout after a network error with the same Idempotency-Key, and goes to the order', async () => {
    const calls = stubApi(['network', [201, { checkoutId: 'c', orders: [{ id: 42 }] }]])
    const { wrapper, router } = await mountCart()
    await wrapper.get('textarea').setValue('贵阳市南明区某路 1 号 机关食堂')
    await submit(wrapper)
    expect(document.body.textContent).toContain('下单失败：网络连接失败')
    await submit(wrapper)

    const checkouts = calls.filter((c) => c.path === '/api/v1/cart/checkout')
    expect(checkouts).toHaveLength(2)
    expect(checkouts[0]!.key).toMatch(/^[0-9a-f-]{36}$/)
    expect(checkouts[1]!.key).toBe(checkouts[0]!.key)
    expect(checkouts[0]!.body).toEqual({ deliveryAddress: '贵阳市南明区某路 1 号 机关食堂', channel: 'CANTEEN' })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/buyer/orders/42'), { timeout: 5000 })
    expect(localStorage.getItem('huinong.deliveryAddress')).toBe('贵阳市南明区某路 1 号 机关食堂')
  })

  it('names the products short of stock on a 409, and takes a new key for the next attempt', async () => {
    const shortage = {
      type: 'about:conflict',
      title: 'Conflict',
      status: 409,
      detail: '库存不足或商品不可购买，未预留任何库存',
      shortages: [{ productId: 2, requested: 1, available: 0 }],
    }
    const calls = stubApi([[409, shortage], [201, { checkoutId: 'c', orders: [{ id: 1 }, { id: 2 }] }]])
    const { wrapper, router } = await mountCart()
    await wrapper.get('textarea').setValue('贵阳市南明区某路 1 号')
    await submit(wrapper)
    const conflict = wrapper.get('[data-testid="checkout-conflict"]').text()
    expect(conflict).toContain('库存不足，未能下单')
    expect(conflict).toContain('库存不足或商品不可购买，未预留任何库存')
    expect(conflict).toContain('榕江小香鸡：已无货或不可购买')

    await submit(wrapper)
    const keys = calls.filter((c) => c.path === '/api/v1/cart/checkout').map((c) => c.key)
    expect(keys[1]).not.toBe(keys[0])
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/buyer/orders?status=PENDING_PAYMENT'), { timeout: 5000 })
  })

  it('asks for a delivery address before checking out', async () => {
    const calls = stubApi([])
    const { wrapper } = await mountCart()
    await submit(wrapper)
    // the message itself is inside a (stubbed) transition: the item is marked as an error
    expect(wrapper.get('.checkout .el-form-item').classes()).toContain('is-error')
    expect(calls.some((c) => c.path === '/api/v1/cart/checkout')).toBe(false)
  })
})
