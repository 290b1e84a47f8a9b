import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { UnitFilter, UnitSort } from '@/services/api/types'
import { currentYear } from '@/services/quota'
import { COUNTRY, regionQuery } from '@/services/drilldown'
import { useSessionStore } from '@/stores/session'

const FILTERS: UnitFilter[] = ['ALL', 'NOT_FILED', 'LAGGING', 'COMPLETED']
const SORTS: UnitSort[] = ['COMPLETION_DESC', 'COMPLETION_ASC', 'REGION', 'NAME']

/**
 * The monitoring page's state, all in the URL (`?year=&region=&status=&sort=`), so the browser's
 * back button walks the drill-down and a link can be shared. The scope is the regulator's region,
 * or the whole country (000000) for an operator.
 */
export function useMonitoringState() {
  const route = useRoute()
  const router = useRouter()
  const session = useSessionStore()
  const thisYear = currentYear()

  const scope = computed(() => session.organization?.scopeRegionCode || COUNTRY)
  const year = computed(() => {
    const y = Number(route.query.year)
    return Number.isInteger(y) && y >= 2000 && y <= 2200 ? y : thisYear
  })
  const region = computed(() => {
    const r = String(route.query.region ?? '')
    return /^\d{6}$/.test(r) ? r : scope.value
  })
  const status = computed<UnitFilter>(() => {
    const s = String(route.query.status ?? '') as UnitFilter
    return FILTERS.includes(s) ? s : 'ALL'
  })
  const sort = computed<UnitSort>(() => {
    const s = String(route.query.sort ?? '') as UnitSort
    return SORTS.includes(s) ? s : 'COMPLETION_DESC'
  })

  /** The region as the monitoring API takes it: none for the whole country. */
  const regionParam = computed(() => (region.value === COUNTRY ? undefined : region.value))
  /** The year and region of the state, as the monitoring API's query. */
  const yearRegion = () => ({ year: year.value, region: regionParam.value })

  type Patch = { year?: number; region?: string; status?: UnitFilter; sort?: UnitSort }

  /** The URL query for the state with `patch` applied (defaults left out). */
  function queryFor(patch: Patch) {
    const next = {
      year: patch.year ?? year.value,
      region: patch.region ?? region.value,
      status: patch.status ?? status.value,
      sort: patch.sort ?? sort.value,
    }
    return {
      year: next.year === thisYear ? undefined : String(next.year),
      region: regionQuery(scope.value, next.region),
      status: next.status === 'ALL' ? undefined : next.status,
      sort: next.sort === 'COMPLETION_DESC' ? undefined : next.sort,
    }
  }

  /** Applies `patch` to the URL; other query keys of the page (e.g. `days`) are kept. */
  function update(patch: Patch, push = false) {
    const query = { ...route.query, ...queryFor(patch) }
    return push ? router.push({ query }) : router.replace({ query })
  }

  /** Sets a page's own query keys (e.g. `days`, `half`; undefined removes one), keeping the rest of the state. */
  function replaceQuery(patch: Record<string, string | undefined>) {
    return router.replace({ query: { ...route.query, ...patch } })
  }

  return { scope, year, region, regionParam, yearRegion, status, sort, update, replaceQuery, queryFor, FILTERS, SORTS }
}
