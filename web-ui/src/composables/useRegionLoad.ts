import { ref, shallowRef, type Ref } from 'vue'
import { ApiProblem, errorMessage } from '@/services/api/client'

/**
 * One monitoring answer about a region: the latest request wins (older answers are dropped); a 403 (a region
 * outside the caller's scope) is kept apart in `forbidden` from other failures in `error`.
 */
export function useRegionLoad<T>(fetch: () => Promise<T>) {
  const data = shallowRef<T | null>(null) as Ref<T | null>
  const loading = ref(false)
  const error = ref<string | null>(null)
  const forbidden = ref<string | null>(null)
  let sequence = 0

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    error.value = null
    forbidden.value = null
    try {
      const answer = await fetch()
      if (mine === sequence) data.value = answer
    } catch (e) {
      if (mine !== sequence) return
      data.value = null
      if (e instanceof ApiProblem && e.status === 403) forbidden.value = errorMessage(e)
      else error.value = errorMessage(e)
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  return { data, loading, error, forbidden, load }
}
