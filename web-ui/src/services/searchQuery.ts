/**
 * The storefront search as a value: read from and written to the page's URL query (so a search
 * can be shared and reloaded), and turned into the search API's parameters. Pure functions.
 *
 * URL: /search?q=茶&category=0102&category=0103&certification=GREEN_FOOD&minPriceFen=1250
 *      &eligible=1&inStock=1&sort=price_asc&page=2
 * Repeated values of one facet are OR, different facets AND (the API's rule).
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { CertificationKind, SearchQuery } from './api/types'

export const LIST_FACETS = ['category', 'certification', 'province', 'county', 'brand', 'brandKind'] as const
export type ListFacet = (typeof LIST_FACETS)[number]

/** The orders the search API knows (its `sort` is a plain string in the API document). */
export const SORTS = ['relevance', 'price_asc', 'price_desc', 'sales', 'newest'] as const
export type SearchSort = (typeof SORTS)[number]
export const PAGE_SIZES = [12, 24, 48] as const
export const DEFAULT_PAGE_SIZE = 24

const CERTIFICATION_KINDS: readonly CertificationKind[] = [
  'ASSISTANCE_PRODUCT',
  'GREEN_FOOD',
  'ORGANIC',
  'GEOGRAPHICAL_INDICATION',
  'FAMOUS_SPECIAL',
  'COMPLIANCE_CERTIFICATE',
]
const BRAND_KINDS = ['REGIONAL_PUBLIC', 'ENTERPRISE', 'PRODUCT']

export interface SearchFilters extends Record<ListFacet, string[]> {
  q: string
  minPriceFen?: number
  maxPriceFen?: number
  eligible: boolean
  inStock: boolean
  sort: SearchSort
  /** 1-based, as el-pagination counts */
  page: number
  size: number
}

export function emptyFilters(): SearchFilters {
  return {
    q: '',
    category: [],
    certification: [],
    province: [],
    county: [],
    brand: [],
    brandKind: [],
    eligible: false,
    inStock: false,
    sort: 'relevance',
    page: 1,
    size: DEFAULT_PAGE_SIZE,
  }
}

function values(raw: LocationQuery[string] | undefined): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]
  const out: string[] = []
  for (const v of list) {
    const t = v?.trim()
    if (t && !out.includes(t)) out.push(t)
  }
  return out
}

function first(raw: LocationQuery[string] | undefined): string {
  return values(raw)[0] ?? ''
}

function nonNegativeInt(raw: string): number | undefined {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
}

function flag(raw: string): boolean {
  return raw === '1' || raw === 'true'
}

/** The filters of a URL query; unknown or malformed values are dropped. */
export function filtersFromQuery(query: LocationQuery): SearchFilters {
  const f = emptyFilters()
  f.q = first(query.q)
  for (const facet of LIST_FACETS) f[facet] = values(query[facet])
  f.certification = f.certification.filter((k) => (CERTIFICATION_KINDS as readonly string[]).includes(k))
  f.brandKind = f.brandKind.filter((k) => BRAND_KINDS.includes(k))
  f.minPriceFen = nonNegativeInt(first(query.minPriceFen))
  f.maxPriceFen = nonNegativeInt(first(query.maxPriceFen))
  f.eligible = flag(first(query.eligible))
  f.inStock = flag(first(query.inStock))
  const sort = first(query.sort)
  if ((SORTS as readonly string[]).includes(sort)) f.sort = sort as SearchSort
  const page = nonNegativeInt(first(query.page))
  if (page && page >= 1) f.page = page
  const size = nonNegativeInt(first(query.size))
  if (size && (PAGE_SIZES as readonly number[]).includes(size)) f.size = size
  return f
}

/** The URL query of the filters; defaults are left out so URLs stay short. */
export function filtersToQuery(f: SearchFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  const q = f.q.trim()
  if (q) query.q = q
  for (const facet of LIST_FACETS) {
    if (f[facet].length === 1) query[facet] = f[facet][0]
    else if (f[facet].length > 1) query[facet] = [...f[facet]]
  }
  if (f.minPriceFen !== undefined) query.minPriceFen = String(f.minPriceFen)
  if (f.maxPriceFen !== undefined) query.maxPriceFen = String(f.maxPriceFen)
  if (f.eligible) query.eligible = '1'
  if (f.inStock) query.inStock = '1'
  if (f.sort !== 'relevance') query.sort = f.sort
  if (f.page > 1) query.page = String(f.page)
  if (f.size !== DEFAULT_PAGE_SIZE) query.size = String(f.size)
  return query
}

/** The search API's parameters (0-based page; the switches are sent as the text "true"). */
export function filtersToParams(f: SearchFilters): SearchQuery {
  const params: SearchQuery = { sort: f.sort, page: f.page - 1, size: f.size }
  const q = f.q.trim()
  if (q) params.q = q
  for (const facet of LIST_FACETS) if (f[facet].length) params[facet] = [...f[facet]]
  if (f.minPriceFen !== undefined) params.minPriceFen = f.minPriceFen
  if (f.maxPriceFen !== undefined) params.maxPriceFen = f.maxPriceFen
  if (f.eligible) params.eligible = 'true'
  if (f.inStock) params.inStock = 'true'
  return params
}

/** The filters with one facet value switched on or off; back to the first page. */
export function toggleFacetValue(f: SearchFilters, facet: ListFacet, value: string): SearchFilters {
  const selected = f[facet].includes(value) ? f[facet].filter((v) => v !== value) : [...f[facet], value]
  return { ...f, [facet]: selected, page: 1 }
}

/** The filters with new values for some fields; back to the first page unless a page is given. */
export function withFilters(f: SearchFilters, changes: Partial<SearchFilters>): SearchFilters {
  return { ...f, page: 1, ...changes }
}

/** Whether anything narrows the search besides the keyword. */
export function hasNarrowing(f: SearchFilters): boolean {
  return LIST_FACETS.some((facet) => f[facet].length > 0) || f.minPriceFen !== undefined || f.maxPriceFen !== undefined || f.eligible || f.inStock
}
