/**
 * ECharts options of the reserved-share pages, built by pure functions (unit-tested; the chart
 * component only renders them). Only gauge, bar and line series are used: EChart.vue registers just those.
 */
import { formatFen } from './money'
import { formatRate, ratePercent, rateToHundredthsOfPercent } from './quota'

type Rate = number | string | null | undefined

export interface RegionCompletion {
  code: string
  name: string
  completionRate?: Rate
  reservedFen: number
  eligibleSpentFen: number
  units: number
  filedUnits: number
}

const GREEN = '#2f9e44'
const ORANGE = '#e8590c'
const GREY = '#adb5bd'

/** A completion ring: the pointer stops at 100%, the text tells the real rate (it may pass 100%). */
export function completionGaugeOption(rate: Rate, onPace: boolean) {
  const percent = ratePercent(rate)
  const color = onPace ? GREEN : ORANGE
  return {
    series: [
      {
        type: 'gauge',
        startAngle: 90,
        endAngle: -270,
        min: 0,
        max: 100,
        radius: '90%',
        pointer: { show: false },
        progress: { show: true, roundCap: true, width: 14, itemStyle: { color } },
        axisLine: { lineStyle: { width: 14, color: [[1, '#e9ecef']] } },
        splitLine: { show: false },
        axisTick: { show: false },
        axisLabel: { show: false },
        title: { show: true, offsetCenter: [0, '28%'], fontSize: 13, color: '#868e96' },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, '-6%'],
          fontSize: 24,
          fontWeight: 'bold',
          color,
          formatter: () => formatRate(rate),
        },
        data: [{ value: Math.min(100, Math.max(0, percent)), name: '完成率' }],
      },
    ],
  }
}

/** Regions ranked by completion, highest first; regions with nothing reserved last, by name. */
export function rankByCompletion<T extends { name: string; completionRate?: Rate }>(regions: readonly T[]): T[] {
  return [...regions].sort((a, b) => {
    const ra = rateToHundredthsOfPercent(a.completionRate)
    const rb = rateToHundredthsOfPercent(b.completionRate)
    if (ra === undefined && rb === undefined) return a.name.localeCompare(b.name, 'zh-CN')
    if (ra === undefined) return 1
    if (rb === undefined) return -1
    return rb - ra || a.name.localeCompare(b.name, 'zh-CN')
  })
}

/**
 * Bar chart of the child regions' completion rates, ranked; a bar at or above 100% is green,
 * regions without a reserve are grey at 0. The tooltip shows reserved and spent money.
 */
export function childrenCompletionBarOption(children: readonly RegionCompletion[]) {
  const ranked = rankByCompletion(children)
  return {
    grid: { left: 48, right: 16, top: 24, bottom: ranked.length > 6 ? 72 : 40 },
    tooltip: barTooltip(ranked, (r) => [
      `完成率：${formatRate(r.completionRate)}`,
      `预留份额：${formatFen(r.reservedFen)}`,
      `已采购：${formatFen(r.eligibleSpentFen)}`,
      `已填报：${r.filedUnits} / ${r.units} 家`,
    ]),
    xAxis: {
      type: 'category',
      data: ranked.map((r) => r.name),
      axisLabel: { interval: 0, rotate: ranked.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: '完成率（%）', min: 0, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        data: ranked.map((r) => {
          const hundredths = rateToHundredthsOfPercent(r.completionRate)
          return {
            value: (hundredths ?? 0) / 100,
            code: r.code,
            itemStyle: { color: hundredths === undefined ? GREY : hundredths >= 10_000 ? GREEN : '#1c7ed6' },
          }
        }),
        label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => formatRate(ranked[p.dataIndex]?.completionRate) },
      },
    ],
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** The tooltip of a bar chart whose bars are `rows`: the bar's name in bold (escaped), then `lines` about it. */
export function barTooltip<T extends { name: string }>(rows: readonly T[], lines: (row: T) => string[]) {
  return {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    formatter: (params: Array<{ dataIndex: number }>) => {
      const row = rows[params[0]?.dataIndex ?? 0]
      return row ? [`<strong>${escapeHtml(row.name)}</strong>`, ...lines(row)].join('<br/>') : ''
    },
  }
}

export interface TrendMonth {
  month: number
  eligibleSpentFen: number
  cumulativeFen: number
  expectedCumulativeFen: number
}

/** Fen as yuan for a chart axis (exact: the division of an integer by 100 is only for plotting). */
function yuanValue(fen: number): number {
  return Math.round(fen) / 100
}

/**
 * Monthly trend of a region: bars of each month's eligible spending, the running total, and the
 * dashed pace of the year (what should have been spent by the end of each month).
 */
export function monthlyTrendOption(months: readonly TrendMonth[]) {
  const byMonth = [...months].sort((a, b) => a.month - b.month)
  return {
    grid: { left: 72, right: 24, top: 40, bottom: 32 },
    legend: { top: 0, data: ['当月采购', '累计完成', '按时间进度应完成'] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: Array<{ dataIndex: number }>) => {
        const m = byMonth[params[0]?.dataIndex ?? 0]
        if (!m) return ''
        return [
          `<strong>${m.month} 月</strong>`,
          `当月采购：${formatFen(m.eligibleSpentFen)}`,
          `累计完成：${formatFen(m.cumulativeFen)}`,
          `按时间进度应完成：${formatFen(m.expectedCumulativeFen)}`,
        ].join('<br/>')
      },
    },
    xAxis: { type: 'category', data: byMonth.map((m) => `${m.month}月`) },
    yAxis: { type: 'value', name: '金额（元）' },
    series: [
      { name: '当月采购', type: 'bar', barMaxWidth: 24, itemStyle: { color: '#74c0fc' }, data: byMonth.map((m) => yuanValue(m.eligibleSpentFen)) },
      { name: '累计完成', type: 'line', symbolSize: 6, itemStyle: { color: GREEN }, data: byMonth.map((m) => yuanValue(m.cumulativeFen)) },
      {
        name: '按时间进度应完成',
        type: 'line',
        symbol: 'none',
        lineStyle: { type: 'dashed' },
        itemStyle: { color: ORANGE },
        data: byMonth.map((m) => yuanValue(m.expectedCumulativeFen)),
      },
    ],
  }
}
