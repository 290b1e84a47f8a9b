import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import ProductPage from '@/pages/store/ProductPage.vue'
import type { ProductView } from '@/services/api/types'
import { stubFetch } from './helpers'

const CERT = { productId: 42, evidenceUrl: null, decisionReason: null } as const

const PRODUCT: ProductView = {
  id: 42,
  name: '雷山银球茶',
  category: { code: '0101', name: '绿茶', path: ['01', '0101'] },
  origin: { code: '522634', name: '雷山县', province: '520000', provinceName: '贵州省' },
  unit: '罐',
  spec: '250克/罐',
  priceFen: 6850,
  stock: 0,
  description: '<script>alert(1)</script>手工揉制',
  imageUrls: [],
  status: 'LISTED',
  supplier: { id: 7, name: '雷山县苗岭银球茶农民专业合作社' },
  brand: { id: 3, name: '雷山银球茶', kind: 'REGIONAL_PUBLIC' },
  certifications: [
    { ...CERT, id: 1, kind: 'GREEN_FOOD', kindLabel: '绿色食品', number: 'GF522634260001', issuer: '中国绿色食品发展中心', issuedOn: '2025-03-01', expiresOn: '2028-02-28', status: 'APPROVED', valid: true },
    { ...CERT, id: 2, kind: 'ORGANIC', kindLabel: '有机产品', number: '12345678901234567', issuer: '某认证机构', issuedOn: '2020-01-01', expiresOn: '2021-01-01', status: 'APPROVED', valid: false },
    { ...CERT, id: 3, kind: 'GEOGRAPHICAL_INDICATION', kindLabel: '农产品地理标志', number: 'AGI01234', issuer: '农业农村部', issuedOn: '2024-01-01', expiresOn: null, status: 'REJECTED', decisionReason: '编号查询不到', valid: false },
  ],
  eligible: false,
  eligibilityReasons: ['供应商所在县不在脱贫县名单中'],
  reviewReason: null,
  priceFlagged: null,
  priceFlagReason: null,
  salesCount: 0,
  listedAt: '2026-11-01T00:00:00Z',
  createdAt: '2026-10-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
}

async function mountProduct(status: number, body: unknown) {
  const { calls } = stubFetch(() => [status, body])
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/products/:id', name: 'product', component: ProductPage },
      { path: '/search', name: 'search', component: { template: '<div />' } },
      { path: '/suppliers/:id', name: 'supplier-store', component: { template: '<div />' } },
    ],
  })
  await router.push('/products/42')
  const wrapper = mount(ProductPage, { global: { plugins: [router, ElementPlus] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('h1').exists() || wrapper.find('[data-testid="product-not-found"]').exists()).toBe(true)
  })
  return { wrapper, calls }
}

describe('ProductPage', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows facts, price, certificates with their validity, the supplier and why it is not eligible', async () => {
    const { wrapper, calls } = await mountProduct(200, PRODUCT)
    expect(new URL(calls[0]!.url).pathname).toBe('/api/v1/products/42')

    expect(wrapper.get('h1').text()).toBe('雷山银球茶')
    expect(wrapper.get('[data-testid="product-price"]').text()).toBe('¥68.50')
    expect(wrapper.text()).toContain('贵州省 · 雷山县')
    expect(wrapper.text()).toContain('暂时无货')
    expect(wrapper.text()).toContain('区域公用品牌')
    expect(wrapper.get('[data-testid="supplier-link"]').attributes('href')).toBe('/suppliers/7')

    const headers = wrapper.get('[data-testid="certificate-table"]').findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(['证书类型', '证书编号', '发证机构', '有效期', '状态'])
    const rows = wrapper.get('[data-testid="certificate-table"]').findAll('tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0]!.text()).toContain('绿色食品')
    expect(rows[0]!.text()).toContain('GF522634260001')
    expect(rows[0]!.text()).toContain('2025-03-01 至 2028-02-28')
    expect(rows[0]!.text()).toContain('有效')
    expect(rows[1]!.text()).toContain('已过期')
    expect(rows[2]!.text()).toContain('未通过审核')
    expect(rows[2]!.text()).toContain('编号查询不到')
    expect(wrapper.text()).toContain('绿茶')

    const eligibility = wrapper.get('[data-testid="eligibility"]').text()
    expect(eligibility).toContain('不计入预留份额')
    expect(eligibility).toContain('为什么不计入预留份额')
    expect(eligibility).toContain('供应商所在县不在脱贫县名单中')

    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.text()).toContain('<script>alert(1)</script>手工揉制')
  })

  it('says so when the product does not exist', async () => {
    const { wrapper } = await mountProduct(404, { title: 'Not Found', status: 404, detail: '商品不存在' })
    expect(wrapper.get('[data-testid="product-not-found"]').text()).toContain('商品不存在或已下架')
  })
})
