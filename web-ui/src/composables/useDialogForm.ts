import { computed, ref, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useServerErrors } from '@/composables/useServerErrors'
import { ApiProblem, errorMessage } from '@/services/api/client'

/** One submit of a dialog's form. */
export interface DialogSubmission<T> {
  /** checks the form before sending (messages on its fields with `set`); false: nothing is sent */
  check?: () => boolean
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
 * What a dialog with a form does alike: it starts afresh when opened (`reset`, field messages and `problem`
 * cleared), each submit clears them again, checks the form, `saving` while the request runs, then a success
 * message, closing and `done`; a failure is shown by `failed` or as a message. `fields` are the form's props
 * for server-side messages (useServerErrors); `dialog` is what FormDialog takes (`v-bind="dialog"`).
 */
export function useDialogForm(visible: Ref<boolean>, fields: readonly string[], reset: () => void) {
  const fieldErrors = useServerErrors(fields)
  const saving = ref(false)
  const problem = ref<string | null>(null)

  watch(visible, (open) => {
    if (!open) return
    problem.value = null
    fieldErrors.clearAll()
    reset()
  })

  const dialog = computed(() => ({
    modelValue: visible.value,
    'onUpdate:modelValue': (open: boolean) => (visible.value = open),
    saving: saving.value,
    problem: problem.value,
  }))

  async function submit<T>(s: DialogSubmission<T>): Promise<void> {
    fieldErrors.clearAll()
    problem.value = null
    if (s.check && !s.check()) return
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

  /** A 400's violations shown on their fields: true when each found its field, so the fields say it all. */
  function shownOnFields(e: unknown): boolean {
    return e instanceof ApiProblem && e.violations.length > 0 && fieldErrors.show(e.violations).length === 0
  }

  return { ...fieldErrors, saving, problem, dialog, submit, shownOnFields }
}

