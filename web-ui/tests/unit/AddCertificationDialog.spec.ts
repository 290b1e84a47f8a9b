import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { defineComponent, h, ref } from 'vue'
import AddCertificationDialog from '@/components/supplier/AddCertificationDialog.vue'
import { stubFetch } from './helpers'

function mountDialog() {
  setActivePinia(createPinia())
  const open = ref(false)
  const Host = defineComponent(() => () => h(AddCertificationDialog, { modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => (open.value = v), productId: 42, productName: '雷山银球茶' }))
  const wrapper = mount(Host, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  return { wrapper, open }
}

function formOf(wrapper: ReturnType<typeof mountDialog>['wrapper']): Record<string, string> {
  return (wrapper.findComponent(AddCertificationDialog).vm as unknown as { form: Record<string, string> }).form
}

function clickSubmit() {
  ;[...document.body.querySelectorAll('button')].find((b) => b.textContent?.trim() === '提交')!.click()
}

describe('AddCertificationDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('checks the number format of the kind before sending anything', async () => {
    const { fetch } = stubFetch(() => [201, { id: 1 }])
    const { wrapper, open } = mountDialog()
    open.value = true
    await flushPromises()

    // the form's state stands in for picking in el-select and el-date-picker
    const form = formOf(wrapper)
    form.kind = 'GREEN_FOOD'
    await flushPromises()
    expect(document.body.querySelector('[data-testid="number-hint"]')!.textContent).toContain('“GF”加 12 位数字')

    Object.assign(form, { number: 'GF123', issuer: '中国绿色食品发展中心', issuedOn: '2025-03-01' })
    clickSubmit()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(document.body.textContent).toContain('证书编号格式不正确，应为“GF”加 12 位数字')
    })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('sends the normalised number and dates', async () => {
    const { calls } = stubFetch(() => [201, { id: 1 }])
    const { wrapper, open } = mountDialog()
    open.value = true
    await flushPromises()
    Object.assign(formOf(wrapper), { kind: 'GEOGRAPHICAL_INDICATION', number: ' agi 01234 ', issuer: '农业农村部', issuedOn: '2024-06-01' })
    await flushPromises()
    clickSubmit()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(calls).toHaveLength(1)
    })
    expect(new URL(calls[0]!.url).pathname).toBe('/api/v1/products/42/certifications')
    expect(calls[0]!.method).toBe('POST')
    expect(calls[0]!.body).toEqual({ kind: 'GEOGRAPHICAL_INDICATION', number: 'AGI01234', issuer: '农业农村部', issuedOn: '2024-06-01' })
    await vi.waitFor(() => expect(open.value).toBe(false))
  })
})
