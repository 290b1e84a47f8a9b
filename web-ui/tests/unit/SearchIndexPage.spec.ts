import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import SearchIndexPage from '@/pages/operator/SearchIndexPage.vue'
import type { IndexStatus } from '@/services/api/types'
import { stubFetch } from './helpers'

function status(done: number, running: boolean): IndexStatus {
  return {
    alias: 'products',
    index: 'products-v2',
    docCount: 1234,
    rebuildingIndex: running ? 'products-v3' : null,
    engineAvailable: true,
    engineError: null,
    backlog: 3,
    parked: 0,
    lagSeconds: 125,
    lastError: null,
    rebuild: {
      state: running ? 'RUNNING' : 'DONE',
      fromIndex: 'products-v2',
      toIndex: 'products-v3',
      done,
      total: 1000,
      rejected: 0,
      docsPerSecond: 310.4,
      startedAt: '2026-11-22T10:00:00Z',
      finishedAt: running ? null : '2026-11-22T10:00:04Z',
      error: null,
    },
  }
}

describe('SearchIndexPage', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows the status and polls every 2 s while a rebuild runs, then stops', async () => {
    vi.useFakeTimers()
    const answers = [status(250, true), status(600, true), status(1000, false)]
    const { calls } = stubFetch(() => [200, answers[Math.min(calls.length - 1, answers.length - 1)]])
    setActivePinia(createPinia())
    const wrapper = mount(SearchIndexPage, { global: { plugins: [ElementPlus] } })
    await flushPromises()

    expect(wrapper.get('[data-testid="index-status"]').text()).toContain('2 分 5 秒')
    expect(wrapper.get('[data-testid="index-status"]').text()).toContain('1,234')
    expect(wrapper.get('[data-testid="rebuild-progress"]').text().replace(/\s+/g, ' ')).toContain('已处理 250 / 1,000 条 · 310 条/秒')
    expect(wrapper.find('.el-progress').text()).toContain('25%')

    await vi.advanceTimersByTimeAsync(1999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await flushPromises()
    expect(calls).toHaveLength(2)
    expect(wrapper.find('.el-progress').text()).toContain('60%')

    await vi.advanceTimersByTimeAsync(2000)
    await flushPromises()
    expect(calls).toHaveLength(3)
    expect(wrapper.get('[data-testid="rebuild-progress"]').text()).toContain('完成于')
    expect(wrapper.get('[data-testid="rebuild-progress"]').text()).not.toContain('条/秒')

    await vi.advanceTimersByTimeAsync(10_000)
    expect(calls).toHaveLength(3) // finished: no more polling
    expect(calls.every((c) => new URL(c.url).pathname === '/api/v1/search/index/status')).toBe(true)
    wrapper.unmount()
  })
})
