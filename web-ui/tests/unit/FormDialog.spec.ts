import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { h } from 'vue'
import ElementPlus from 'element-plus'
import FormDialog from '@/components/common/FormDialog.vue'

async function open(props: Record<string, unknown>) {
  const wrapper = mount(FormDialog, {
    props: { modelValue: true, title: '退款', submitText: '确认退款', saving: false, 'data-testid': 'form-dialog', ...props },
    slots: { intro: () => h('p', { class: 'intro' }, '可退金额'), default: () => h('div', { class: 'item' }, '退款原因') },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  const dialog = () => document.querySelector('[data-testid="form-dialog"]')!
  const button = (text: string) => [...dialog().querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!
  return { wrapper, dialog, button }
}

describe('FormDialog', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the intro, then the form with its items, and submits from the footer', async () => {
    const { wrapper, dialog, button } = await open({})
    expect(dialog().querySelector('.intro + form .item')?.textContent).toBe('退款原因')
    button('确认退款').click()
    expect(wrapper.emitted('submit')).toHaveLength(1)
    button('取消').click()
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
  })

  it('shows a problem under its heading, or as the heading', async () => {
    const titled = await open({ problem: '已超过可退金额', problemTitle: '不能退款', problemTestid: 'refund-problem' })
    const alert = titled.dialog().querySelector('[data-testid="refund-problem"]')!
    expect(alert.querySelector('.el-alert__title')?.textContent).toBe('不能退款')
    expect(alert.querySelector('.el-alert__description')?.textContent).toBe('已超过可退金额')
    titled.wrapper.unmount()
    const bare = await open({ problem: '网络中断' })
    expect(bare.dialog().querySelector('.el-alert__title')?.textContent).toBe('网络中断')
    expect(bare.dialog().querySelector('.el-alert__description')).toBeNull()
  })

  it('shows only the footer until there is something to show, and holds 取消 while saving when asked', async () => {
    const { dialog, button } = await open({ ready: false, saving: true, lockWhileSaving: true })
    expect(dialog().querySelector('form')).toBeNull()
    expect(button('取消').disabled).toBe(true)
  })
})
