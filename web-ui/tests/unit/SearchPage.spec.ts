import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import SearchPage from '@/pages/store/SearchPage.vue'
import { resetCategories } from '@/composables/useCategories'
import type { Category, SearchResult } from '@/services/api/types'
import { stubFetch, type Call } from './helpers'

const CATEGORIES: Category[] = [
  {
    code: '01',
    name: '茶叶',
    children: [
      { code: '0101', name: '绿茶', children: [] },
      { code: '0102', name: '红茶', children: [] },
    ],
  },
  { code: '02', name: '粮油', children: [] },
]

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
      brand: { id: 3, name: '雷山银球茶', kind: 'REGIONAL_PUBLIC' },
      certifications: ['GREEN_FOOD', 'GEOGRAPHICAL_INDICATION'],
      eligible: true,
      stock: 120,
      inStock: true,
      salesCount: 5,
      imageUrl: null,
      // escaped by the server; the raw tag stands for a server that forgot to
      highlight: '雷山<em>银球茶</em> &amp; 红茶 &lt;特级&gt;<img src=x onerror=alert(1)>',
    },
  ],
  page: 0,
  size: 24,
  total: 1,
  facets: {
    category: [{ value: '0101', label: '绿茶', count: 1 }],
    certification: [
      { value: 'GREEN_FOOD', label: 'GREEN_FOOD', count: 1 },
      { value: 'GEOGRAPHICAL_INDICATION', label: 'GEOGRAPHICAL_INDICATION', count: 1 },
    ],
    province: [{ value: '520000', label: '贵州省', count: 1 }],
    county: [{ value: '522634', label: '雷山县', count: 1 }],
    brand: [{ value: '3', label: '雷山银球茶', count: 1 }],
  },
  degraded: true,
}

function answer(result: SearchResult) {
  return (call: Call): [number, unknown] => {
    const path = new URL(call.url).pathname
    if (path === '/api/v1/catalog/categories') return [200, CATEGORIES]
    if (path === '/api/v1/catalog/search') return [200, result]
    return [404, { title: 'Not Found', status: 404 }]
  }
}

async function mountAt(url: string) {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/search', name: 'search', component: SearchPage },
      { path: '/products/:id', name: 'product', component: { template: '<div />' } },
      { path: '/suppliers/:id', name: 'supplier-store', component: { template: '<div />' } },
    ],
  })
  await router.push(url)
  await router.isReady()
  const wrapper = mount(SearchPage, { global: { plugins: [router, ElementPlus] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-testid="search-total"]').exists()).toBe(true)
  })
  return { router, wrapper }
}

describe('SearchPage', () => {
  beforeEach(() => {
    localStorage.clear()
    resetCategories()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('sends the URL filters as repeated parameters and renders facets with counts', async () => {
    const { calls } = stubFetch(answer(RESULT))
    const { wrapper } = await mountAt('/search?q=银球茶&certification=GREEN_FOOD&certification=ORGANIC&minPriceFen=1250&eligible=1&page=2')

    const search = calls.find((c) => c.url.includes('/catalog/search'))!
    const params = new URL(search.url).searchParams
    expect(params.get('q')).toBe('银球茶')
    expect(params.getAll('certification')).toEqual(['GREEN_FOOD', 'ORGANIC'])
    expect(params.get('minPriceFen')).toBe('1250')
    expect(params.get('eligible')).toBe('true')
    expect(params.get('page')).toBe('1')
    expect(params.has('inStock')).toBe(false)

    const facets = wrapper.get('[data-testid="facet-panel"]').text()
    expect(facets).toContain('绿色食品')
    expect(facets).toContain('(1)')
    expect(facets).toContain('有机产品') // selected, though the answer no longer counts it
    expect(facets).toContain('贵州省')
    expect(facets).toContain('茶叶')
    expect(facets).toContain('绿茶')
    expect(facets).not.toContain('粮油') // no matches in that branch
    expect(wrapper.get('[data-testid="price-range"]').find('input').element.value).toBe('12.50')
  })

  it('shows the degraded notice and result cards with a safe highlight', async () => {
    stubFetch(answer(RESULT))
    const { wrapper } = await mountAt('/search?q=银球茶')

    expect(wrapper.get('[data-testid="degraded-notice"]').text()).toContain('搜索服务降级：结果来自数据库，可能不完整')
    const card = wrapper.get('[data-testid="product-card"]')
    expect(card.find('em').text()).toBe('银球茶')
    expect(card.find('img').exists()).toBe(false)
    expect(card.find('a[href="/products/42"]').text()).toBe('雷山银球茶 & 红茶 <特级><img src=x onerror=alert(1)>')
    expect(card.text()).toContain('¥68.50')
    expect(card.text()).toContain('计入预留份额')
    expect(card.text()).toContain('贵州省 · 雷山县')
    expect(card.text()).toContain('雷山县苗岭银球茶农民专业合作社')
    expect(card.findAll('[data-testid="certification-tag"]').map((t) => t.text())).toEqual(['绿色食品', '农产品地理标志'])
    expect(card.find('a[href="/products/42"]').exists()).toBe(true)
  })

  it('shows no notice when the search engine answered, and an empty state without results', async () => {
    stubFetch(answer({ ...RESULT, items: [], total: 0, degraded: false, facets: { category: [], certification: [], province: [], county: [], brand: [] } }))
    const { wrapper } = await mountAt('/search?q=不存在的商品')

    expect(wrapper.find('[data-testid="degraded-notice"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="search-empty"]').text()).toContain('没有找到符合条件的商品')
  })

  it('offers the help the API gives when nothing is found, each a click that changes the search', async () => {
    const empty = { category: [], certification: [], province: [], county: [], brand: [] }
    stubFetch(
      answer({
        ...RESULT,
        items: [],
        total: 0,
        degraded: false,
        facets: empty,
        help: {
          didYouMean: '雷山银球茶',
          nearestCategory: { code: '05', name: '茶叶' },
          withoutFilter: { parameter: 'county', label: '区县', total: 3 },
        },
      }),
    )
    const { router, wrapper } = await mountAt('/search?q=银球&county=522701')

    const help = wrapper.get('[data-testid="search-help"]')
    expect(help.text()).toContain('您是不是要找：')
    expect(help.get('[data-testid="did-you-mean"]').text()).toBe('雷山银球茶')
    expect(help.get('[data-testid="nearest-category"]').text()).toBe('茶叶')
    expect(help.text()).toContain('去掉「区县」筛选可找到 3 件商品')

    await help.get('[data-testid="without-filter"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: '银球' })

    await wrapper.get('[data-testid="did-you-mean"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: '雷山银球茶' })
  })

  it('offers the origin counties as a facet', async () => {
    stubFetch(answer(RESULT))
    const { router, wrapper } = await mountAt('/search?province=520000')

    const leishan = wrapper
      .get('[data-testid="facet-county"]')
      .findAll('label')
      .find((l) => l.text().includes('雷山县'))!
    await leishan.get('input').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ province: '520000', county: '522634' })
  })

  it('puts a ticked facet into the URL and starts again at page 1', async () => {
    stubFetch(answer(RESULT))
    const { router, wrapper } = await mountAt('/search?q=茶&page=3')

    const organic = wrapper
      .get('[data-testid="facet-certification"]')
      .findAll('label')
      .find((l) => l.text().includes('绿色食品'))!
    await organic.get('input').setValue(true)
    await flushPromises()

    expect(router.currentRoute.value.query).toEqual({ q: '茶', certification: 'GREEN_FOOD' })
  })
})
