import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import SupplierStorePage from '@/pages/store/SupplierStorePage.vue'
import type { SearchResult } from '@/services/api/types'
import { stubFetch } from './helpers'

const RESULT: SearchResult = {
  items: [
    {
      id: 42,
      name: '雷山银球茶',
      priceFen: 6850,
      unit: '罐',
      spec: '250克/罐',
      supplier: { id: 7, name: '雷山县苗岭银球茶农民专业合作社' },
      origin: { code: '522634', name: '雷山县', province: '520000', provinceName: '贵州省' },
      brand: null,
      certifications: ['GREEN_FOOD'],
      eligible: true,
      stock: 0,
      inStock: false,
      salesCount: 0,
      imageUrl: null,
      highlight: '雷山银球茶',
    },
  ],
  page: 0,
  size: 24,
  total: 1,
  facets: { category: [], certification: [], province: [], county: [], brand: [] },
  degraded: false,
}

describe('SupplierStorePage', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('searches the supplier\'s products with supplier=<id>, once, and names the store after them', async () => {
    const { calls } = stubFetch(() => [200, RESULT])
    setActivePinia(createPinia())
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/suppliers/:id', name: 'supplier-store', component: SupplierStorePage },
        { path: '/search', name: 'search', component: { template: '<div />' } },
        { path: '/products/:id', name: 'product', component: { template: '<div />' } },
      ],
    })
    await router.push('/suppliers/7?sort=price_asc')
    await router.isReady()
    const wrapper = mount(SupplierStorePage, { global: { plugins: [router, ElementPlus] } })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[data-testid="product-card"]').exists()).toBe(true)
    })

    expect(calls).toHaveLength(1)
    const params = new URL(calls[0]!.url).searchParams
    expect(new URL(calls[0]!.url).pathname).toBe('/api/v1/catalog/search')
    expect(params.getAll('supplier')).toEqual(['7'])
    expect(params.get('sort')).toBe('price_asc')
    expect(wrapper.get('[data-testid="supplier-name"]').text()).toBe('雷山县苗岭银球茶农民专业合作社')
    expect(wrapper.get('[data-testid="product-card"]').text()).toContain('暂时无货')
  })
})
