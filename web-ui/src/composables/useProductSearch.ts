import { ref, shallowRef, watch, type Ref } from 'vue'
import { errorMessage } from '@/services/api/client'
import { catalogApi } from '@/services/api/catalogApi'
import type { SearchParams, SearchResult } from '@/services/api/catalogTypes'

/**
 * Runs the storefront search whenever its parameters change; only the latest answer is kept.
 */
export function useProductSearch(params: Ref<SearchParams>) {
  const result = shallowRef<SearchResult | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let sequence = 0

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    error.value = null
    try {
      const answer = await catalogApi.search(params.value)
      if (mine !== sequence) return
      result.value = answer
    } catch (e) {
      if (mine !== sequence) return
      error.value = errorMessage(e)
      result.value = null
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  watch(params, () => void load(), { deep: true, immediate: true })
  return { result, loading, error, load }
}
