import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { defineComponent, h, reactive, resolveComponent } from 'vue'
import { useFormSubmit } from '@/composables/useServerErrors'
import { ApiProblem } from '@/services/api/client'

function mountForm() {
  let api!: ReturnType<typeof useFormSubmit>
  const form = reactive({ name: '' })
  const Host = defineComponent({
    setup() {
      api = useFormSubmit(['name'])
      const rules = { name: [{ required: true, message: '请输入名称', trigger: 'blur' }] }
      return () =>
        h(resolveComponent('el-form') as never, { ref: 'formRef', model: form, rules }, () =>
          h(resolveComponent('el-form-item') as never, { label: '名称', prop: 'name', error: api.server.errors.name }, () => form.name),
        )
    },
  })
  const wrapper = mount(Host, { global: { plugins: [ElementPlus] } })
  return { wrapper, form, api: () => api }
}

describe('useFormSubmit', () => {
  it('sends nothing while the form is invalid', async () => {
    const { api } = mountForm()
    let sent = 0
    const ok = await api().submit(async () => void sent++)
    expect(ok).toBe(false)
    expect(sent).toBe(0)
    expect(api().saving.value).toBe(false)
  })

  it('sends a valid form, saving meanwhile', async () => {
    const { api, form } = mountForm()
    form.name = '雷山银球茶'
    await flushPromises()
    let savingDuring = false
    const ok = await api().submit(async () => {
      savingDuring = api().saving.value
    })
    expect(ok).toBe(true)
    expect(savingDuring).toBe(true)
    expect(api().saving.value).toBe(false)
    expect(api().failure.value).toBeNull()
  })

  it('puts a violation on its field and the rest in failure; reset clears both', async () => {
    const { api, form } = mountForm()
    form.name = '重复'
    await flushPromises()
    const problem = new ApiProblem({
      status: 400,
      violations: [
        { field: 'create.request.name', message: '名称已存在' },
        { field: 'other', message: '其他问题' },
      ],
    })
    const ok = await api().submit(() => Promise.reject(problem))
    expect(ok).toBe(false)
    expect(api().server.errors.name).toBe('名称已存在')
    expect(api().failure.value).toBe('其他问题')

    api().reset()
    expect(api().server.errors.name).toBe('')
    expect(api().failure.value).toBeNull()
  })

  it('shows the message of any other error', async () => {
    const { api, form } = mountForm()
    form.name = '雷山银球茶'
    await flushPromises()
    await api().submit(() => Promise.reject(new ApiProblem({ status: 409, detail: '品牌已停用' })))
    expect(api().failure.value).toBe('品牌已停用')
  })
})
