import { ref, shallowRef, watch, type Ref } from 'vue'
import { client, errorMessage, ok } from '@/services/api/client'
import type { SearchQuery, SearchResult } from '@/services/api/types'

/**
 * Runs the storefront search whenever its parameters change; only the latest answer is kept.
 */
export function useProductSearch(params: Ref<SearchQuery>) {
  const result = shallowRef<SearchResult | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let sequence = 0

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    error.value = null
    try {
      const answer = await ok(client.GET('/api/v1/catalog/search', { params: { query: params.value } }))
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

  // by value: a recomputed but equal query (e.g. the route settling) does not search again
  watch(() => JSON.stringify(params.value), () => void load(), { immediate: true })
  return { result, loading, error, load }
}
