import { ref, watch, type Ref } from 'vue'
import { client, ok } from '@/services/api/client'
import type { Region } from '@/services/api/types'
import { loadOnce } from '@/services/loadOnce'

const childrenOf = loadOnce(
  (parentCode: string): Promise<Region[]> =>
    parentCode
      ? ok(client.GET('/api/v1/regions/{code}/children', { params: { path: { code: parentCode } } }))
      : ok(client.GET('/api/v1/regions', { params: { query: { level: 'PROVINCE' } } })),
)

/** Provinces (parent null), or the direct children of a region; cached for the page's lifetime. */
export function loadRegionChildren(parentCode: string | null): Promise<Region[]> {
  return childrenOf(parentCode ?? '')
}

/** One region, cached for the page's lifetime. */
export const loadRegion = loadOnce((code: string): Promise<Region> => ok(client.GET('/api/v1/regions/{code}', { params: { path: { code } } })))

/** The region's name for a code ("雷山县"), or the code while unknown. */
export function useRegionName(code: Ref<string | null | undefined>) {
  const name = ref<string | null>(null)
  const region = ref<Region | null>(null)
  watch(
    code,
    async (c) => {
      name.value = null
      region.value = null
      if (!c) return
      try {
        region.value = await loadRegion(c)
        name.value = region.value.name
      } catch {
        name.value = null
      }
    },
    { immediate: true },
  )
  return { name, region }
}
