import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { ApiProblem, client, errorMessage, ok } from '@/services/api/client'
import type { QuotaFloor, QuotaPlan, QuotaPlanVersion, RatioException } from '@/services/api/types'
import { percentToBasisPoints } from '@/services/quota'

/**
 * A budget unit's reserved-share plan of a year, loaded again whenever the year changes: the floor and
 * deadline, the plan (null: not filed yet), its versions (newest first) and the ratio exceptions asked
 * for. `loaded` hears of every plan loaded (e.g. to fill a form). Out-of-order answers are dropped.
 */
export function useQuotaPlan(year: Ref<number>, loaded: (plan: QuotaPlan | null) => void) {
  const floor = shallowRef<QuotaFloor | null>(null)
  const plan = shallowRef<QuotaPlan | null>(null)
  const versions = shallowRef<QuotaPlanVersion[]>([])
  const exceptions = shallowRef<RatioException[]>([])
  const loading = ref(false)
  const loadError = ref<string | null>(null)
  let sequence = 0

  const floorBp = computed(() => (floor.value ? percentToBasisPoints(floor.value.floorPercent) : undefined))
  const provinceFloorBp = computed(() => (floor.value ? percentToBasisPoints(floor.value.provinceFloorPercent) : undefined))
  const openException = computed(() => exceptions.value.find((e) => e.status === 'PENDING' || e.status === 'APPROVED'))

  async function load(): Promise<void> {
    const mine = ++sequence
    const y = year.value
    loading.value = true
    loadError.value = null
    try {
      const [f, p, v, e] = await Promise.all([
        ok(client.GET('/api/v1/quota/plans/{year}/floor', { params: { path: { year: y } } })),
        ok<QuotaPlan>(client.GET('/api/v1/quota/plans/{year}', { params: { path: { year: y } } })).catch((err): null => {
          if (err instanceof ApiProblem && err.status === 404) return null // not filed yet
          throw err
        }),
        ok(client.GET('/api/v1/quota/plans/{year}/versions', { params: { path: { year: y } } })),
        ok(client.GET('/api/v1/quota/ratio-exceptions', { params: { query: { year: y, size: 50 } } })),
      ])
      if (mine !== sequence) return
      floor.value = f
      plan.value = p
      versions.value = [...v].reverse() // newest first
      exceptions.value = e.items
      loaded(p)
    } catch (err) {
      if (mine === sequence) loadError.value = errorMessage(err)
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  watch(year, () => void load(), { immediate: true })

  return { floor, plan, versions, exceptions, loading, loadError, floorBp, provinceFloorBp, openException, load }
}
