import { describe, expect, it } from 'vitest'
import type { SupplyEntry } from '@/services/api/types'
import {
  compactYuan,
  GROUPINGS,
  groupingInfo,
  halfFromQuery,
  halfOf,
  sinceLastSaleText,
  slowWindowFromQuery,
  supplyBarOption,
  topFromQuery,
} from '@/services/supplySide'

function entry(key: string | null, name: string, totalFen: number, extra: Partial<SupplyEntry> = {}): SupplyEntry {
  return { key, name, totalFen, paidFen: totalFen, refundedFen: 0, eligibleFen: totalFen, orders: 1, quantity: 2, ...extra }
}

describe('supply groupings', () => {
  it('export under the API dimension of their tab', () => {
    expect(GROUPINGS.map((g) => [g.key, g.dimension])).toEqual([
      ['byCounty', 'COUNTY'],
      ['byCategory', 'CATEGORY'],
      ['byBrand', 'BRAND'],
      ['bySupplier', 'SUPPLIER'],
      ['topProducts', 'PRODUCT'],
    ])
  })

  it('fall back to the counties for an unknown tab', () => {
    expect(groupingInfo('byWhatever').dimension).toBe('COUNTY')
  })
})

describe('supplyBarOption', () => {
  it('puts the largest entry on top (ECharts draws the first category at the bottom)', () => {
    const option = supplyBarOption([entry('a', '甲', 30000), entry('b', '乙', 1250)])
    expect(option.yAxis.data).toEqual(['乙', '甲'])
    expect(option.series[0].data.map((d) => d.value)).toEqual([12.5, 300])
    expect(option.series[0].label.formatter({ dataIndex: 1 })).toBe('¥300.00')
  })

  it('escapes names in the tooltip', () => {
    const option = supplyBarOption([entry('a', '<b>甲</b>', 100)])
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('&lt;b&gt;甲&lt;/b&gt;')
  })

  it('shortens long names on the axis', () => {
    expect(supplyBarOption([entry('a', '一二三四五六七八九十一二三四', 1)]).yAxis.data[0]).toBe('一二三四五六七八九十一…')
  })
})

describe('small helpers', () => {
  it('compacts axis amounts in 万 and 亿', () => {
    expect(compactYuan(950)).toBe('950')
    expect(compactYuan(12_000)).toBe('1.2万')
    expect(compactYuan(250_000_000)).toBe('2.5亿')
  })

  it('falls back to defaults for unknown query values', () => {
    expect(groupingInfo('byBrand').column).toBe('品牌')
    expect(groupingInfo('nope').key).toBe('byCounty')
    expect(topFromQuery('20')).toBe(20)
    expect(topFromQuery('7')).toBe(10)
    expect(slowWindowFromQuery('90')).toBe(90)
    expect(slowWindowFromQuery('abc')).toBe(30)
    expect(halfFromQuery('2', 1)).toBe(2)
    expect(halfFromQuery('3', 1)).toBe(1)
  })

  it('says how long a product has not sold', () => {
    expect(sinceLastSaleText(null)).toBe('从未售出')
    expect(sinceLastSaleText(45)).toBe('45 天')
  })

  it('tells the half-year in Asia/Shanghai', () => {
    expect(halfOf(new Date('2026-06-30T15:59:59Z'))).toEqual({ year: 2026, half: 1 })
    // 16:00 UTC on 30 June is already 1 July in Shanghai
    expect(halfOf(new Date('2026-06-30T16:00:00Z'))).toEqual({ year: 2026, half: 2 })
    expect(halfOf(new Date('2026-12-31T16:00:00Z'))).toEqual({ year: 2027, half: 1 })
  })
})
