import { computed, watch, type Ref } from 'vue'
import { useRoute, useRouter, type RouteLocationNamedRaw } from 'vue-router'
import { useLatest } from './useLatest'
import { client, ok } from '@/services/api/client'
import type { SearchQuery } from '@/services/api/types'
import { filtersFromQuery, filtersToParams, filtersToQuery, type SearchFilters } from '@/services/searchQuery'

/**
 * Runs the storefront search whenever its parameters change; only the latest answer is kept.
 */
export function useProductSearch(params: Ref<SearchQuery>) {
  const { data: result, loading, error, load } = useLatest(() => ok(client.GET('/api/v1/catalog/search', { params: { query: params.value } })))

  // by value: a recomputed but equal query (e.g. the route settling) does not search again
  watch(() => JSON.stringify(params.value), () => void load(), { immediate: true })
  return { result, loading, error, load }
}

/**
 * A storefront search that follows the URL query, so a search can be shared: `filters` from the query, the search
 * (narrowed by `narrow`, e.g. to one supplier), and `update`, which pushes new filters to the `target` route.
 */
export function useRoutedSearch(target: () => RouteLocationNamedRaw, narrow: (params: SearchQuery) => SearchQuery = (params) => params) {
  const route = useRoute()
  const router = useRouter()
  const filters = computed(() => filtersFromQuery(route.query))
  const params = computed(() => narrow(filtersToParams(filters.value)))

  function update(next: SearchFilters) {
    void router.push({ ...target(), query: filtersToQuery(next) })
  }

  return { route, filters, update, ...useProductSearch(params) }
}
