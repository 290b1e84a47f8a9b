import { ref, shallowRef, watch } from 'vue'
import { errorMessage } from '@/services/api/client'

export interface Page<T> {
  items: T[]
  total: number
}

/**
 * A server-paginated list. `page` is 1-based for el-pagination; the API's `page` is 0-based.
 * Out-of-order answers are dropped, so only the latest request fills the table.
 */
export function usePagedList<T>(fetchPage: (page: number, size: number) => Promise<Page<T>>, initialSize = 20) {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const size = ref(initialSize)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let sequence = 0

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    error.value = null
    try {
      const result = await fetchPage(page.value - 1, size.value)
      if (mine !== sequence) return
      items.value = result.items
      total.value = Number(result.total)
      // the last page emptied (e.g. all approved): step back
      if (result.items.length === 0 && page.value > 1 && total.value > 0) {
        page.value = Math.max(1, Math.ceil(total.value / size.value))
      }
    } catch (e) {
      if (mine !== sequence) return
      error.value = errorMessage(e)
      items.value = []
      total.value = 0
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  /** New filters: back to the first page. */
  function search(): Promise<void> {
    if (page.value !== 1) {
      page.value = 1 // the watcher loads
      return Promise.resolve()
    }
    return load()
  }

  watch([page, size], () => void load())

  return { items, total, page, size, loading, error, load, search }
}

/** What usePagedList gives a page, for a component that shows the whole list (rows, pager, error). */
export type PagedList<T> = ReturnType<typeof usePagedList<T>>
