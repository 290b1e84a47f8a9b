import { describe, expect, it } from 'vitest'
import { canDrillBelow, COUNTRY, isWithin, levelOf, regionQuery, trail } from '@/services/drilldown'

describe('monitoring drill-down', () => {
  it('knows the level of a code', () => {
    expect(levelOf(COUNTRY)).toBe('COUNTRY')
    expect(levelOf('520000')).toBe('PROVINCE')
    expect(levelOf('522600')).toBe('PREFECTURE')
    expect(levelOf('522634')).toBe('COUNTY')
    expect(canDrillBelow('522600')).toBe(true)
    expect(canDrillBelow('522634')).toBe(false)
  })

  it('builds the breadcrumb from a province scope down to a county', () => {
    expect(trail('520000', '520000')).toEqual(['520000'])
    expect(trail('520000', '522600')).toEqual(['520000', '522600'])
    expect(trail('520000', '522634')).toEqual(['520000', '522600', '522634'])
  })

  it('builds the breadcrumb from the whole country (operators)', () => {
    expect(trail(COUNTRY, '522634')).toEqual([COUNTRY, '520000', '522600', '522634'])
    expect(trail(COUNTRY, '520000')).toEqual([COUNTRY, '520000'])
  })

  it('starts below a prefecture scope', () => {
    expect(trail('522600', '522634')).toEqual(['522600', '522634'])
  })

  it('keeps only the scope for a region outside it (the server then answers 403)', () => {
    expect(isWithin('110105', '520000')).toBe(false)
    expect(trail('520000', '110105')).toEqual(['520000'])
    expect(isWithin('522634', '520000')).toBe(true)
    expect(isWithin('522634', COUNTRY)).toBe(true)
  })

  it('leaves the scope out of the URL', () => {
    expect(regionQuery('520000', '520000')).toBeUndefined()
    expect(regionQuery('520000', '522600')).toBe('522600')
  })
})
