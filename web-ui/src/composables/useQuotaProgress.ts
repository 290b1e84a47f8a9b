import { ref, shallowRef, watch, type Ref } from 'vue'
import { client, errorMessage, ok } from '@/services/api/client'
import type { QuotaProgress } from '@/services/api/types'

/** The buyer unit's progress for a year, reloaded when the year changes. */
export function useQuotaProgress(year: Ref<number>) {
  const progress = shallowRef<QuotaProgress | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let sequence = 0

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    error.value = null
    try {
      const result = await ok(client.GET('/api/v1/quota/plans/{year}/progress', { params: { path: { year: year.value } } }))
      if (mine === sequence) progress.value = result
    } catch (e) {
      if (mine === sequence) {
        error.value = errorMessage(e)
        progress.value = null
      }
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  watch(year, () => void load(), { immediate: true })
  return { progress, loading, error, load }
}
