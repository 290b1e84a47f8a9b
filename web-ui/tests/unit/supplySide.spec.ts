import { describe, expect, it } from 'vitest'
import type { SupplyEntry, SupplySide } from '@/services/api/types'
import {
  compactYuan,
  groupingInfo,
  halfFromQuery,
  halfOf,
  sinceLastSaleText,
  slowWindowFromQuery,
  supplyBarOption,
  supplyCsv,
  supplyCsvName,
  toCsv,
  topFromQuery,
} from '@/services/supplySide'

function entry(key: string | null, name: string, totalFen: number, extra: Partial<SupplyEntry> = {}): SupplyEntry {
  return { key, name, totalFen, paidFen: totalFen, refundedFen: 0, eligibleFen: totalFen, orders: 1, quantity: 2, ...extra }
}

function supply(items: SupplyEntry[]): SupplySide {
  const grouping = { groups: items.length, items }
  return {
    year: 2026,
    region: { code: '520000', name: '贵州省' },
    totals: { paidFen: 0, refundedFen: 0, totalFen: 0, eligibleFen: 0, orders: 0, quantity: 0 },
    byCounty: grouping,
    byCategory: grouping,
    byBrand: grouping,
    bySupplier: grouping,
    topProducts: grouping,
  }
}

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs it', () => {
    expect(toCsv(['名称', '金额'], [['a,b', 1], ['say "hi"', null], ['line\nbreak', undefined]])).toBe(
      '\uFEFF名称,金额\r\n"a,b",1\r\n"say ""hi""",\r\n"line\nbreak",\r\n',
    )
  })

  it('defuses text a spreadsheet would run as a formula, not negative numbers', () => {
    expect(toCsv(['x'], [['=SUM(A1)'], ['+1'], ['@cmd'], [-5]])).toBe("\uFEFFx\r\n'=SUM(A1)\r\n'+1\r\n'@cmd\r\n-5\r\n")
  })
})

describe('supply side CSV', () => {
  const s = supply([entry('522633', '从江县', 9900, { refundedFen: 100, paidFen: 10000, eligibleFen: 9900, orders: 2, quantity: 3 })])

  it('gives counties with their code and money in yuan', () => {
    const lines = supplyCsv(s, 'byCounty').replace('\uFEFF', '').split('\r\n')
    expect(lines[0]).toBe('行政区划代码,产地区县,净销售额（元）,实付金额（元）,退款（元）,计入预留份额（元）,订单数,数量')
    expect(lines[1]).toBe('522633,从江县,99.00,100.00,1.00,99.00,2,3')
  })

  it('names the other groupings by their column, without a code', () => {
    const lines = supplyCsv(s, 'byBrand').replace('\uFEFF', '').split('\r\n')
    expect(lines[0].startsWith('品牌,净销售额（元）')).toBe(true)
    expect(lines[1].startsWith('从江县,99.00')).toBe(true)
  })

  it('names the file by grouping, region and year', () => {
    expect(supplyCsvName(s, 'byCategory')).toBe('供给侧-按品类-贵州省-2026.csv')
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
