import { ref, type Ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/services/api/client'

/** The question before an action (ElMessageBox.confirm); 取消 is always the other button. */
export interface ActionQuestion {
  message: string
  title: string
  /** the confirming button's text */
  button: string
  type?: 'success' | 'warning' | 'info'
}

/** One action on a page: a request, what is said after it, what follows. */
export interface Action<T> {
  /** asked first; cancelled, nothing is sent */
  confirm?: ActionQuestion
  send: () => Promise<T>
  /** the message after it succeeded (none without) */
  success?: (answer: T) => string
  /** after it succeeded, e.g. loading the list again */
  then?: (answer: T) => unknown
  /** the failure's message, `${failure}：${why}` (only why when empty) */
  failure: string
  /** after a failure was shown, e.g. loading again what the failure may have changed */
  failed?: (e: unknown) => unknown
}

/** Asks; true when confirmed. */
export function confirmed(q: ActionQuestion): Promise<boolean> {
  return ElMessageBox.confirm(q.message, q.title, { confirmButtonText: q.button, cancelButtonText: '取消', type: q.type ?? 'warning' }).then(
    () => true,
    () => false,
  )
}

/**
 * Actions started from a page's buttons, one at a time: `acting` is the running one's key (a row's id, a name)
 * for the button's spinner; a failure is shown as a message. `act` answers whether the action succeeded.
 */
export function useAction<K = string>() {
  const acting = ref(null) as Ref<K | null>

  async function act<T>(key: K, a: Action<T>): Promise<boolean> {
    if (a.confirm && !(await confirmed(a.confirm))) return false
    acting.value = key
    try {
      const answer = await a.send()
      if (a.success) ElMessage.success(a.success(answer))
      await a.then?.(answer)
      return true
    } catch (e) {
      ElMessage.error(a.failure ? `${a.failure}：${errorMessage(e)}` : errorMessage(e))
      await a.failed?.(e)
      return false
    } finally {
      acting.value = null
    }
  }

  return { acting, act }
}
