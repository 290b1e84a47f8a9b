import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import RegionPageShell from '@/components/shared/RegionPageShell.vue'
import { stubFetch } from './helpers'

async function mountShell(forbidden: string | null) {
  setActivePinia(createPinia())
  stubFetch(() => [200, []])
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/monitoring/supply', component: { render: () => null } }] })
  await router.push('/monitoring/supply?region=522634')
  const wrapper = mount(RegionPageShell, {
    props: { title: '供给侧分析', subtitle: '辖区内产地的销售情况', forbidden, testid: 'supply' },
    slots: { controls: () => h('span', { class: 'control' }, '年度'), actions: () => h('button', '刷新'), default: () => h('div', { class: 'content' }, '图表') },
    global: { plugins: [ElementPlus, router] },
  })
  await flushPromises()
  return { wrapper, router }
}

describe('RegionPageShell', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the title, the toolbar around the region picker, and the page', async () => {
    const { wrapper } = await mountShell(null)
    expect(wrapper.get('h1').text()).toBe('供给侧分析')
    expect(wrapper.get('.page-subtitle').text()).toBe('辖区内产地的销售情况')
    const toolbar = wrapper.get('.toolbar')
    expect(toolbar.element.firstElementChild!.className).toBe('control')
    expect(toolbar.element.lastElementChild!.textContent).toBe('刷新')
    expect(toolbar.find('[data-testid="region-breadcrumb"]').exists()).toBe(true)
    expect(wrapper.find('.content').exists()).toBe(true)
    expect(wrapper.find('[data-testid="supply-forbidden"]').exists()).toBe(false)
  })

  it('shows the 403 of a region outside the scope instead of the page, and goes back to the scope', async () => {
    const { wrapper, router } = await mountShell('该地区不在本部门的监管范围内')
    expect(wrapper.find('.content').exists()).toBe(false)
    const forbidden = wrapper.get('[data-testid="supply-forbidden"]')
    expect(forbidden.text()).toContain('该地区不在本部门的监管范围内，只能查看本辖区及下级地区的数据。')
    await forbidden.get('button').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.region).toBeUndefined()
  })
})
