import { afterEach, describe, expect, it, vi } from 'vitest'
import { ElMessage, ElMessageBox } from 'element-plus'
import { useAction } from '@/composables/useAction'

const quiet = () => ({ close: () => undefined })

describe('useAction', () => {
  afterEach(() => vi.restoreAllMocks())

  it('keys the running action, says what it did, then follows it up', async () => {
    const success = vi.spyOn(ElMessage, 'success').mockImplementation(quiet)
    const { acting, act } = useAction<number>()
    let during: number | null = null
    const then = vi.fn()
    const ok = await act(7, {
      send: async () => {
        during = acting.value
        return '已支付'
      },
      success: (s) => `核对：${s}`,
      then,
      failure: '核对失败',
    })
    expect(ok).toBe(true)
    expect(during).toBe(7)
    expect(acting.value).toBeNull()
    expect(success).toHaveBeenCalledWith('核对：已支付')
    expect(then).toHaveBeenCalledWith('已支付')
  })

  it('shows a failure with what failed, then `failed`', async () => {
    const error = vi.spyOn(ElMessage, 'error').mockImplementation(quiet)
    const failed = vi.fn()
    const { act } = useAction()
    expect(await act('x', { send: () => Promise.reject(new Error('库存不足')), failure: '修改数量失败', failed })).toBe(false)
    expect(error).toHaveBeenCalledWith('修改数量失败：库存不足')
    expect(failed).toHaveBeenCalledOnce()
    await act('x', { send: () => Promise.reject(new Error('无权操作')), failure: '' })
    expect(error).toHaveBeenLastCalledWith('无权操作')
  })

  it('sends nothing when the question is answered 取消', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel')
    const send = vi.fn()
    const { act } = useAction()
    expect(await act('deliver', { confirm: { message: '确认送达？', title: '确认送达', button: '确认送达', type: 'info' }, send, failure: '确认送达失败' })).toBe(false)
    expect(confirm).toHaveBeenCalledWith('确认送达？', '确认送达', { confirmButtonText: '确认送达', cancelButtonText: '取消', type: 'info' })
    expect(send).not.toHaveBeenCalled()
  })
})
