import { ref, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiProblem, errorMessage, type Violation } from '@/services/api/client'

/** One submit of a dialog's form. */
export interface DialogSubmission<T> {
  /** the request */
  send: () => Promise<T>
  /** the message after it succeeded */
  success: (answer: T) => string
  /** after the dialog closed: hands the answer on */
  done: (answer: T) => unknown
  /** the failure's message, `${failure}：${why}`, when `failed` does not take the error */
  failure: string
  /** shows a failure in the form itself (fields, `problem`); true when it did */
  failed?: (e: unknown) => boolean | Promise<boolean>
}

/**
 * What a dialog with a form does alike: it starts afresh when opened (`reset`, `problem` cleared), `saving` while
 * a submit runs, a success message, closing, then `done`; a failure is shown by `failed` or as a message.
 */
export function useDialogForm(visible: Ref<boolean>, reset: () => void) {
  const saving = ref(false)
  const problem = ref<string | null>(null)

  watch(visible, (open) => {
    if (!open) return
    problem.value = null
    reset()
  })

  async function submit<T>(s: DialogSubmission<T>): Promise<void> {
    problem.value = null
    saving.value = true
    try {
      const answer = await s.send()
      ElMessage.success(s.success(answer))
      visible.value = false
      await s.done(answer)
    } catch (e) {
      if (!(s.failed && (await s.failed(e)))) ElMessage.error(`${s.failure}：${errorMessage(e)}`)
    } finally {
      saving.value = false
    }
  }

  return { saving, problem, submit }
}

/**
 * A 400's violations shown on their fields (`show` of useServerErrors): true when every one found its field, so
 * the fields say it all; false for any other failure or when some fit no field.
 */
export function shownOnFields(e: unknown, show: (violations: readonly Violation[]) => Violation[]): boolean {
  if (!(e instanceof ApiProblem) || e.violations.length === 0) return false
  return show(e.violations).length === 0
}
