import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { currentYear } from '@/services/quota'

/** The year of a reserved-share page, kept in the URL (`?year=2026`); the current year by default. */
export function useQuotaYear() {
  const route = useRoute()
  const router = useRouter()
  const thisYear = currentYear()
  return computed<number>({
    get() {
      const y = Number(route.query.year)
      return Number.isInteger(y) && y >= 2000 && y <= 2200 ? y : thisYear
    },
    set(y: number) {
      void router.replace({ query: { ...route.query, year: y === thisYear ? undefined : String(y) } })
    },
  })
}
