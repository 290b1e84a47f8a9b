import { watch, type Ref } from 'vue'
import { useLatest } from './useLatest'
import { client, ok } from '@/services/api/client'
import type { SearchQuery } from '@/services/api/types'

/**
 * Runs the storefront search whenever its parameters change; only the latest answer is kept.
 */
export function useProductSearch(params: Ref<SearchQuery>) {
  const { data: result, loading, error, load } = useLatest(() => ok(client.GET('/api/v1/catalog/search', { params: { query: params.value } })))

  // by value: a recomputed but equal query (e.g. the route settling) does not search again
  watch(() => JSON.stringify(params.value), () => void load(), { immediate: true })
  return { result, loading, error, load }
}
