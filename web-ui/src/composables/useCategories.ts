import { shallowRef } from 'vue'
import { client, errorMessage, ok } from '@/services/api/client'
import type { Category } from '@/services/api/types'

let cache: Promise<Category[]> | null = null

/** The category tree (cached for the page's lifetime; a failed load is retried next time). */
export function loadCategories(): Promise<Category[]> {
  if (!cache) {
    cache = ok(client.GET('/api/v1/catalog/categories'))
    cache.catch(() => (cache = null))
  }
  return cache
}

/** Forgets the cached tree (tests). */
export function resetCategories(): void {
  cache = null
}

/** The names of a category code and its ancestors, e.g. ["茶叶", "绿茶"]. */
export function categoryPath(tree: readonly Category[], code: string): string[] {
  for (const c of tree) {
    if (c.code === code) return [c.name]
    const below = categoryPath(c.children, code)
    if (below.length) return [c.name, ...below]
  }
  return []
}

export function useCategories() {
  const categories = shallowRef<Category[]>([])
  const error = shallowRef<string | null>(null)
  const loading = shallowRef(true)
  loadCategories()
    .then((tree) => (categories.value = tree))
    .catch((e) => (error.value = errorMessage(e)))
    .finally(() => (loading.value = false))
  return { categories, error, loading }
}
