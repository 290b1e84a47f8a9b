import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useDialogForm } from '@/composables/useDialogForm'
import { ApiProblem } from '@/services/api/client'

const violation = (field: string, message: string) =>
  new ApiProblem({ type: 'about:blank', title: 'Bad Request', status: 400, violations: [{ field, message }] })

function dialog() {
  const visible = ref(false)
  const reset = vi.fn()
  const form = useDialogForm(visible, ['reason'], reset)
  return { visible, reset, ...form }
}

describe('useDialogForm', () => {
  afterEach(() => vi.restoreAllMocks())

  it('starts afresh when opened: reset, field messages and problem cleared', async () => {
    const d = dialog()
    d.set('reason', '请填写原因')
    d.problem.value = '上次的失败'
    d.visible.value = true
    await nextTick()
    expect(d.reset).toHaveBeenCalledOnce()
    expect(d.errors.reason).toBe('')
    expect(d.problem.value).toBeNull()
    expect(d.dialog.value).toMatchObject({ modelValue: true, saving: false, problem: null })
  })

  it('sends nothing when the check fails', async () => {
    const d = dialog()
    const send = vi.fn()
    await d.submit({ check: () => (d.set('reason', '请填写原因'), false), send, success: () => '', done: vi.fn(), failure: '失败' })
    expect(send).not.toHaveBeenCalled()
    expect(d.errors.reason).toBe('请填写原因')
  })

  it('on success says so, closes, then hands the answer on', async () => {
    const success = vi.spyOn(ElMessage, 'success').mockImplementation(() => ({ close: () => undefined }))
    const d = dialog()
    d.visible.value = true
    const done = vi.fn(() => expect(d.visible.value).toBe(false))
    await d.submit({ send: async () => 7, success: (n) => `已完成 ${n}`, done, failure: '失败' })
    expect(success).toHaveBeenCalledWith('已完成 7')
    expect(done).toHaveBeenCalledWith(7)
    expect(d.saving.value).toBe(false)
  })

  it('shows a failure the form does not take as a message, and keeps the dialog open', async () => {
    const error = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => undefined }))
    const d = dialog()
    d.visible.value = true
    await d.submit({ send: () => Promise.reject(new Error('网络中断')), success: () => '', done: vi.fn(), failure: '取消失败', failed: () => false })
    expect(error).toHaveBeenCalledWith('取消失败：网络中断')
    expect(d.visible.value).toBe(true)
  })

  it('puts violations on their fields; only those of no field leave anything to say', async () => {
    const error = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => undefined }))
    const d = dialog()
    await d.submit({ send: () => Promise.reject(violation('cancel.reason', '太长')), success: () => '', done: vi.fn(), failure: '失败', failed: d.shownOnFields })
    expect(d.errors.reason).toBe('太长')
    expect(error).not.toHaveBeenCalled()
    expect(d.shownOnFields(violation('other', '未知字段'))).toBe(false)
    expect(d.shownOnFields(new Error('x'))).toBe(false)
  })
})
