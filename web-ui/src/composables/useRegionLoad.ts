import { useLatest } from './useLatest'

/** One monitoring answer about a region: the latest request wins; a 403 (outside the scope) is kept apart in `forbidden`. */
export function useRegionLoad<T>(fetch: () => Promise<T>) {
  return useLatest(fetch, { forbiddenApart: true })
}
