import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElPagination, ElSelect, ElSwitch } from 'element-plus'
import SearchPager from '@/components/shared/SearchPager.vue'
import SearchSortControls from '@/components/shared/SearchSortControls.vue'
import { emptyFilters, type SearchFilters } from '@/services/searchQuery'

const filters: SearchFilters = { ...emptyFilters(), q: '茶', page: 3, size: 24, inStock: false }

describe('SearchPager', () => {
  it('shows nothing for no results', () => {
    const wrapper = mount(SearchPager, { props: { filters, total: 0 }, global: { plugins: [ElementPlus] } })
    expect(wrapper.find('.pagination').exists()).toBe(false)
  })

  it('keeps the filters on another page, and starts at page 1 with another page size', async () => {
    const wrapper = mount(SearchPager, { props: { filters, total: 200, jumper: true }, global: { plugins: [ElementPlus] } })
    const pager = wrapper.findComponent(ElPagination)
    expect(pager.props('layout')).toBe('total, sizes, prev, pager, next, jumper')
    pager.vm.$emit('update:current-page', 5)
    pager.vm.$emit('update:page-size', 48)
    const [[toPage], [toSize]] = wrapper.emitted('change') as [[SearchFilters], [SearchFilters]]
    expect(toPage).toEqual({ ...filters, page: 5 })
    expect(toSize).toEqual({ ...filters, page: 1, size: 48 })
  })
})

describe('SearchSortControls', () => {
  it('changes the order or 有货 from page 1 on', () => {
    const wrapper = mount(SearchSortControls, { props: { filters }, global: { plugins: [ElementPlus] } })
    wrapper.findComponent(ElSelect).vm.$emit('update:model-value', 'price_asc')
    wrapper.findComponent(ElSwitch).vm.$emit('update:model-value', true)
    const [[sorted], [stocked]] = wrapper.emitted('change') as [[SearchFilters], [SearchFilters]]
    expect(sorted).toEqual({ ...filters, page: 1, sort: 'price_asc' })
    expect(stocked).toEqual({ ...filters, page: 1, inStock: true })
  })
})
