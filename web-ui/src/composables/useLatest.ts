import { ref, shallowRef, type Ref } from 'vue'
import { ApiProblem, errorMessage } from '@/services/api/client'

/**
 * One answer loaded again and again (a year, a region, a query changed): only the latest request's answer is
 * kept, older ones are dropped. A failure empties `data` and says why in `error`; with `forbiddenApart`, a 403
 * (e.g. a region outside the caller's scope) goes to `forbidden` instead, with `notFoundApart` a 404 sets `notFound`.
 */
export function useLatest<T>(fetch: () => Promise<T>, options: { forbiddenApart?: boolean; notFoundApart?: boolean } = {}) {
  const data = shallowRef<T | null>(null) as Ref<T | null>
  const loading = ref(false)
  const error = ref<string | null>(null)
  const forbidden = ref<string | null>(null)
  const notFound = ref(false)
  let sequence = 0

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    error.value = null
    forbidden.value = null
    notFound.value = false
    try {
      const answer = await fetch()
      if (mine === sequence) data.value = answer
    } catch (e) {
      if (mine !== sequence) return
      data.value = null
      if (options.forbiddenApart && e instanceof ApiProblem && e.status === 403) forbidden.value = errorMessage(e)
      else if (options.notFoundApart && e instanceof ApiProblem && e.status === 404) notFound.value = true
      else error.value = errorMessage(e)
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  return { data, loading, error, forbidden, notFound, load }
}
