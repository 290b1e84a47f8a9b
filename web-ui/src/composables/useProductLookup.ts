import { ref, watch, type Ref } from 'vue'
import { client, ok } from '@/services/api/client'
import type { ProductView } from '@/services/api/types'
import { loadOnce } from '@/services/loadOnce'

/** One product's page data, cached for the page's lifetime (a failed load is retried next time). */
export const loadProduct = loadOnce((id: number): Promise<ProductView> => ok(client.GET('/api/v1/products/{id}', { params: { path: { id } } })))

/** Forgets the cached products (tests). */
export function resetProductLookup(): void {
  loadProduct.clear()
}

/**
 * The product behind an id, for lists whose items carry only `productId` (certifications): null
 * while loading or when it cannot be read.
 */
export function useProductLookup(id: Ref<number>) {
  const product = ref<ProductView | null>(null)
  watch(
    id,
    async (value) => {
      product.value = null
      try {
        const found = await loadProduct(value)
        if (id.value === value) product.value = found
      } catch {
        product.value = null
      }
    },
    { immediate: true },
  )
  return { product }
}
