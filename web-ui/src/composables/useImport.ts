import { computed, ref, shallowRef, type Ref } from 'vue'
import { ApiProblem, errorMessage } from '@/services/api/client'

/**
 * The state of a file import: progress, the result, or the errors per line/row of a 422 (read from the
 * problem's `errorsExtension`), or another failure. `run` sends the file and fills the state.
 */
export function useImport<R, E>(errorsExtension: string) {
  const uploading = ref(false)
  const progress = ref(0)
  const result = shallowRef<R | null>(null) as Ref<R | null>
  const errors = shallowRef<E[] | null>(null) as Ref<E[] | null>
  const problemDetail = ref<string | null>(null)
  const failure = ref<string | null>(null)

  const progressStatus = computed(() => {
    if (uploading.value) return undefined
    if (result.value) return 'success'
    return errors.value || failure.value ? 'exception' : undefined
  })

  function reset() {
    result.value = null
    errors.value = null
    problemDetail.value = null
    failure.value = null
    progress.value = 0
  }

  /** Sends the file; true when it was imported. */
  async function run(send: (onProgress: (percent: number) => void) => Promise<R>): Promise<boolean> {
    reset()
    uploading.value = true
    try {
      result.value = await send((p) => (progress.value = p))
      return true
    } catch (e) {
      const rows = e instanceof ApiProblem ? e.extension<E[]>(errorsExtension) : undefined
      if (e instanceof ApiProblem && e.status === 422 && Array.isArray(rows)) {
        errors.value = rows
        problemDetail.value = e.detail ?? null
      } else {
        failure.value = errorMessage(e)
      }
      return false
    } finally {
      uploading.value = false
    }
  }

  return { uploading, progress, result, errors, problemDetail, failure, progressStatus, reset, run }
}
