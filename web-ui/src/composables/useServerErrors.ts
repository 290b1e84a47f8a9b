import { reactive, ref, useTemplateRef } from 'vue'
import type { FormInstance } from 'element-plus'
import { ApiProblem, errorMessage, type Violation } from '@/services/api/client'

/**
 * Assigns `violations[].field` of a 400 problem to form items: exact match, or a suffix match for
 * backends that prefix the path ("register.request.admin.username" -> "admin.username").
 * Returns messages per form prop, and those that fit no form item.
 */
export function mapViolations(violations: readonly Violation[], props: readonly string[]) {
  const byProp: Record<string, string> = {}
  const unmatched: Violation[] = []
  for (const v of violations) {
    const prop = props.find((p) => v.field === p) ?? props.find((p) => v.field.endsWith(`.${p}`))
    if (prop) byProp[prop] = byProp[prop] ? `${byProp[prop]}；${v.message}` : v.message
    else unmatched.push(v)
  }
  return { byProp, unmatched }
}

/** Server-side messages shown on el-form-item's `error` prop, cleared when the field changes. */
export function useServerErrors(props: readonly string[]) {
  const errors = reactive<Record<string, string>>(Object.fromEntries(props.map((p) => [p, ''])))

  function clearAll() {
    for (const p of props) errors[p] = ''
  }

  function clear(prop: string) {
    if (errors[prop]) errors[prop] = ''
  }

  /** Shows the violations; returns those that fit no form item. */
  function show(violations: readonly Violation[]): Violation[] {
    clearAll()
    const { byProp, unmatched } = mapViolations(violations, props)
    Object.assign(errors, byProp)
    return unmatched
  }

  /**
   * A failed submit: its violations go to their fields; returns what the form shows above them (the
   * violations of no field, or the message of any other error), null when the fields say it all.
   */
  function failureOf(e: unknown): string | null {
    if (e instanceof ApiProblem && e.violations.length) {
      const rest = show(e.violations)
      return rest.length ? rest.map((v) => v.message).join('；') : null
    }
    return errorMessage(e)
  }

  function set(prop: string, message: string) {
    errors[prop] = message
  }

  return { errors, show, set, clear, clearAll, failureOf }
}

/**
 * A form that is sent to the server: its el-form (the template's `ref="formRef"`, or `refName`), the server's messages
 * per field (`server`), whether it is being sent (`saving`) and the form-level message of a failed attempt (`failure`).
 */
export function useFormSubmit(props: readonly string[], refName = 'formRef') {
  const server = useServerErrors(props)
  const formRef = useTemplateRef<FormInstance>(refName)
  const saving = ref(false)
  const failure = ref<string | null>(null)

  /** A fresh form (a dialog opened again, editing started): no messages, no validation marks. */
  function reset() {
    failure.value = null
    server.clearAll()
    formRef.value?.clearValidate()
  }

  /**
   * Validates the form, then runs `send` while `saving`; a failure's violations go to their fields, the rest to
   * `failure` (or `failed` says what `failure` shows). Resolves true once `send` succeeded, false when the form was
   * invalid or sending failed.
   */
  async function submit(send: () => Promise<unknown>, failed: (e: unknown) => string | null = server.failureOf): Promise<boolean> {
    failure.value = null
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return false
    saving.value = true
    try {
      await send()
      return true
    } catch (e) {
      failure.value = failed(e)
      return false
    } finally {
      saving.value = false
    }
  }

  return { server, formRef, saving, failure, reset, submit }
}
