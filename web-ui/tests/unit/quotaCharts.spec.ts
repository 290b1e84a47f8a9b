import { describe, expect, it } from 'vitest'
import { childrenCompletionBarOption, completionGaugeOption, monthlyTrendOption, rankByCompletion } from '@/services/quotaCharts'

const child = (code: string, name: string, completionRate: number | null, reservedFen = 100_000, eligibleSpentFen = 0) => ({
  code,
  name,
  completionRate,
  reservedFen,
  eligibleSpentFen,
  units: 3,
  filedUnits: 2,
})

describe('completion gauge', () => {
  it('stops the ring at 100% but tells the real rate', () => {
    const option = completionGaugeOption(1.25, true)
    const series = option.series[0]
    expect(series.type).toBe('gauge')
    expect(series.data[0].value).toBe(100)
    expect(series.detail.formatter()).toBe('125.00%')
  })

  it('is orange when behind pace and empty without a reserve', () => {
    const option = completionGaugeOption(null, false)
    expect(option.series[0].data[0].value).toBe(0)
    expect(option.series[0].detail.formatter()).toBe('—')
    expect(option.series[0].progress.itemStyle.color).not.toBe(completionGaugeOption(null, true).series[0].progress.itemStyle.color)
  })
})

describe('children completion bar chart', () => {
  const children = [
    child('522600', '黔东南州', 0.25),
    child('520100', '贵阳市', 0.8),
    child('520200', '六盘水市', null, 0),
    child('520300', '遵义市', 1.02, 100_000, 102_000),
  ]

  it('ranks regions by completion, those without a reserve last', () => {
    expect(rankByCompletion(children).map((c) => c.name)).toEqual(['遵义市', '贵阳市', '黔东南州', '六盘水市'])
  })

  it('draws one bar per region in rank order, with codes for the drill-down', () => {
    const option = childrenCompletionBarOption(children)
    expect(option.xAxis.data).toEqual(['遵义市', '贵阳市', '黔东南州', '六盘水市'])
    const bars = option.series[0].data
    expect(bars.map((b) => b.value)).toEqual([102, 80, 25, 0])
    expect(bars.map((b) => b.code)).toEqual(['520300', '520100', '522600', '520200'])
    // completed green, without reserve grey
    expect(bars[0].itemStyle.color).not.toBe(bars[1].itemStyle.color)
    expect(bars[3].itemStyle.color).not.toBe(bars[1].itemStyle.color)
  })

  it('shows money and filing in the tooltip, escaped', () => {
    const option = childrenCompletionBarOption([child('520100', '<b>贵阳</b>', 0.5, 123_456, 61_728)])
    const text = option.tooltip.formatter([{ dataIndex: 0 }])
    expect(text).toContain('&lt;b&gt;贵阳&lt;/b&gt;')
    expect(text).toContain('完成率：50.00%')
    expect(text).toContain('¥1,234.56')
    expect(text).toContain('已填报：2 / 3 家')
  })

  it('labels each bar with its rate', () => {
    const option = childrenCompletionBarOption(children)
    expect(option.series[0].label.formatter({ dataIndex: 0 })).toBe('102.00%')
  })
})

describe('monthly trend', () => {
  const months = [
    { month: 2, eligibleSpentFen: 5_000, cumulativeFen: 15_000, expectedCumulativeFen: 16_000 },
    { month: 1, eligibleSpentFen: 10_000, cumulativeFen: 10_000, expectedCumulativeFen: 8_500 },
  ]

  it('plots months in order: monthly bars, the running total and the dashed pace, in yuan', () => {
    const option = monthlyTrendOption(months)
    expect(option.xAxis.data).toEqual(['1月', '2月'])
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'line', 'line'])
    expect(option.series[0].data).toEqual([100, 50])
    expect(option.series[1].data).toEqual([100, 150])
    expect(option.series[2].data).toEqual([85, 160])
    expect(option.series[2].lineStyle?.type).toBe('dashed')
  })

  it('tells exact money in the tooltip', () => {
    expect(monthlyTrendOption(months).tooltip.formatter([{ dataIndex: 1 }])).toContain('累计完成：¥150.00')
  })
})
