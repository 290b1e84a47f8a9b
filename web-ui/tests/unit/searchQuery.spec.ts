import { describe, expect, it } from 'vitest'
import type { LocationQuery } from 'vue-router'
import {
  DEFAULT_PAGE_SIZE,
  emptyFilters,
  filtersFromQuery,
  filtersToParams,
  filtersToQuery,
  hasNarrowing,
  toggleFacetValue,
  withFilters,
} from '@/services/searchQuery'

describe('search filters <-> URL query', () => {
  it('reads an empty query as the default search', () => {
    expect(filtersFromQuery({})).toEqual(emptyFilters())
    expect(filtersToQuery(emptyFilters())).toEqual({})
  })

  it('reads repeated values of a facet as alternatives', () => {
    const f = filtersFromQuery({
      q: ' 茶 ',
      category: ['0102', '0103', '0102'],
      certification: 'GREEN_FOOD',
      province: ['520000'],
      brand: ['7', '9'],
    })
    expect(f.q).toBe('茶')
    expect(f.category).toEqual(['0102', '0103'])
    expect(f.certification).toEqual(['GREEN_FOOD'])
    expect(f.province).toEqual(['520000'])
    expect(f.brand).toEqual(['7', '9'])
  })

  it('drops unknown and malformed values', () => {
    const f = filtersFromQuery({
      certification: ['GREEN_FOOD', 'MADE_UP'],
      brandKind: ['ENTERPRISE', 'x'],
      sort: 'cheapest',
      page: '-2',
      size: '1000',
      minPriceFen: '12.5',
      maxPriceFen: 'abc',
      eligible: 'yes',
    } as LocationQuery)
    expect(f.certification).toEqual(['GREEN_FOOD'])
    expect(f.brandKind).toEqual(['ENTERPRISE'])
    expect(f.sort).toBe('relevance')
    expect(f.page).toBe(1)
    expect(f.size).toBe(DEFAULT_PAGE_SIZE)
    expect(f.minPriceFen).toBeUndefined()
    expect(f.maxPriceFen).toBeUndefined()
    expect(f.eligible).toBe(false)
  })

  it('round-trips a full search through the URL', () => {
    const f = {
      ...emptyFilters(),
      q: '银球茶',
      category: ['0102'],
      certification: ['GREEN_FOOD', 'ORGANIC'],
      province: ['520000'],
      county: ['522634'],
      brand: ['7'],
      brandKind: ['REGIONAL_PUBLIC'],
      minPriceFen: 1250,
      maxPriceFen: 10000,
      eligible: true,
      inStock: true,
      sort: 'price_asc' as const,
      page: 3,
      size: 48,
    }
    const query = filtersToQuery(f)
    expect(query).toEqual({
      q: '银球茶',
      category: '0102',
      certification: ['GREEN_FOOD', 'ORGANIC'],
      province: '520000',
      county: '522634',
      brand: '7',
      brandKind: 'REGIONAL_PUBLIC',
      minPriceFen: '1250',
      maxPriceFen: '10000',
      eligible: '1',
      inStock: '1',
      sort: 'price_asc',
      page: '3',
      size: '48',
    })
    expect(filtersFromQuery(query as LocationQuery)).toEqual(f)
  })

  it('keeps a free price of 0 fen', () => {
    const f = withFilters(emptyFilters(), { minPriceFen: 0 })
    expect(filtersToQuery(f)).toEqual({ minPriceFen: '0' })
    expect(filtersFromQuery({ minPriceFen: '0' }).minPriceFen).toBe(0)
  })
})

describe('search filters -> API parameters', () => {
  it('sends a 0-based page and only what is chosen', () => {
    expect(filtersToParams(emptyFilters())).toEqual({ sort: 'relevance', page: 0, size: DEFAULT_PAGE_SIZE })
  })

  it('sends facets as repeated values and switches as true', () => {
    const f = { ...emptyFilters(), q: '茶', certification: ['GREEN_FOOD', 'ORGANIC'], province: ['520000'], eligible: true, minPriceFen: 1250, page: 2 }
    expect(filtersToParams(f)).toEqual({
      q: '茶',
      certification: ['GREEN_FOOD', 'ORGANIC'],
      province: ['520000'],
      eligible: 'true',
      minPriceFen: 1250,
      sort: 'relevance',
      page: 1,
      size: DEFAULT_PAGE_SIZE,
    })
  })
})

describe('changing the filters', () => {
  it('toggles a facet value and goes back to the first page', () => {
    const f = { ...emptyFilters(), page: 4 }
    const on = toggleFacetValue(f, 'certification', 'GREEN_FOOD')
    expect(on.certification).toEqual(['GREEN_FOOD'])
    expect(on.page).toBe(1)
    expect(toggleFacetValue(on, 'certification', 'GREEN_FOOD').certification).toEqual([])
    expect(f.certification).toEqual([]) // unchanged
  })

  it('knows whether anything narrows the search', () => {
    expect(hasNarrowing(emptyFilters())).toBe(false)
    expect(hasNarrowing({ ...emptyFilters(), q: '茶' })).toBe(false)
    expect(hasNarrowing({ ...emptyFilters(), inStock: true })).toBe(true)
    expect(hasNarrowing({ ...emptyFilters(), maxPriceFen: 0 })).toBe(true)
  })
})
