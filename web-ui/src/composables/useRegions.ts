import { ref, watch, type Ref } from 'vue'
import { client, ok } from '@/services/api/client'
import type { Region } from '@/services/api/types'

const childrenCache = new Map<string, Promise<Region[]>>()
const regionCache = new Map<string, Promise<Region>>()

/** Provinces (key ''), or the direct children of a region; cached for the page's lifetime. */
export function loadRegionChildren(parentCode: string | null): Promise<Region[]> {
  const key = parentCode ?? ''
  let pending = childrenCache.get(key)
  if (!pending) {
    pending = parentCode
      ? ok(client.GET('/api/v1/regions/{code}/children', { params: { path: { code: parentCode } } }))
      : ok(client.GET('/api/v1/regions', { params: { query: { level: 'PROVINCE' } } }))
    pending.catch(() => childrenCache.delete(key))
    childrenCache.set(key, pending)
  }
  return pending
}

export function loadRegion(code: string): Promise<Region> {
  let pending = regionCache.get(code)
  if (!pending) {
    pending = ok(client.GET('/api/v1/regions/{code}', { params: { path: { code } } }))
    pending.catch(() => regionCache.delete(code))
    regionCache.set(code, pending)
  }
  return pending
}

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
