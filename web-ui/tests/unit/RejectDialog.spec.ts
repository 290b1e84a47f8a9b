import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import RejectDialog from '@/components/operator/RejectDialog.vue'

describe('RejectDialog', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('asks for a reason, then hands it on trimmed', async () => {
    const wrapper = mount(RejectDialog, {
      props: { modelValue: false, organizationName: '贵阳市第一中学', submitting: false },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    })
    await wrapper.setProps({ modelValue: true })
    await flushPromises()
    const dialog = () => document.querySelector('.el-dialog')!
    const confirm = async () => {
      ;[...dialog().querySelectorAll('button')].find((b) => b.textContent?.trim() === '确认驳回')!.click()
      await flushPromises()
    }
    expect(dialog().textContent).toContain('单位：贵阳市第一中学')
    await confirm()
    await vi.waitFor(() => expect(dialog().textContent).toContain('请填写驳回原因'))
    expect(wrapper.emitted('confirm')).toBeUndefined()
    const reason = dialog().querySelector<HTMLTextAreaElement>('textarea[aria-label="驳回原因"]')!
    reason.value = '  营业执照已过期  '
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    await confirm()
    expect(wrapper.emitted('confirm')).toEqual([['营业执照已过期']])
  })
})
