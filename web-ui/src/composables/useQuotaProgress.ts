import { watch, type Ref } from 'vue'
import { useLatest } from './useLatest'
import { client, ok } from '@/services/api/client'

/** The buyer unit's progress for a year, reloaded when the year changes. */
export function useQuotaProgress(year: Ref<number>) {
  const { data: progress, loading, error, load } = useLatest(() =>
    ok(client.GET('/api/v1/quota/plans/{year}/progress', { params: { path: { year: year.value } } })),
  )
  watch(year, () => void load(), { immediate: true })
  return { progress, loading, error, load }
}
