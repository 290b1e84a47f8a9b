import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { client, errorMessage, ok } from '@/services/api/client'
import type { PaymentView } from '@/services/api/types'
import { sessionKeyStore } from '@/services/idempotency'
import { payAttemptName } from '@/services/payments'

/**
 * 撤销转账: the buyer withdraws an awaited bank transfer (POST /payments/{id}/cancellation), after a
 * confirmation, to pay another way. The tab's Idempotency-Key of that order's transfer is forgotten,
 * so that choosing 对公转账 again creates a new transfer instead of replaying the withdrawn one.
 */
export function useTransferWithdrawal() {
  const withdrawing = ref(false)

  /** The withdrawn payment, or null when the buyer changed its mind or the server refused (said in a message). */
  async function withdraw(payment: { paymentId: number; orderId: number; reference?: string | null }): Promise<PaymentView | null> {
    try {
      await ElMessageBox.confirm(
        `撤销${payment.reference ? `附言为「${payment.reference}」的` : '这笔'}对公转账？撤销后可改用其他方式支付。如已经转账，请不要撤销，等待供应商确认到账。`,
        '撤销转账',
        { confirmButtonText: '撤销转账', cancelButtonText: '不撤销', type: 'warning' },
      )
    } catch {
      return null
    }
    withdrawing.value = true
    try {
      const view = await ok(client.POST('/api/v1/payments/{id}/cancellation', { params: { path: { id: payment.paymentId } } }))
      sessionKeyStore().remove(payAttemptName(payment.orderId, 'BANK_TRANSFER'))
      ElMessage.success('已撤销转账，可改用其他方式支付')
      return view
    } catch (e) {
      ElMessage.error(`撤销转账失败：${errorMessage(e)}`)
      return null
    } finally {
      withdrawing.value = false
    }
  }

  return { withdrawing, withdraw }
}
