/**
 * The supply-side, slow-moving and notice pages of monitoring: pure helpers (unit-tested) for their
 * charts, the export dimension of each supply grouping, and their URL state.
 */
import type { SupplyEntry } from './api/types'
import { formatFen } from './money'
import { barTooltip } from './quotaCharts'

export type GroupingKey = 'byCounty' | 'byCategory' | 'byBrand' | 'bySupplier' | 'topProducts'

/** The API's name of a grouping in exports (`by`). */
export type SupplyDimension = 'COUNTY' | 'CATEGORY' | 'BRAND' | 'SUPPLIER' | 'PRODUCT'

export interface GroupingInfo {
  key: GroupingKey
  /** tab title */
  title: string
  /** first column of the table */
  column: string
  /** `by` of the export of this grouping */
  dimension: SupplyDimension
}

export const GROUPINGS: readonly GroupingInfo[] = [
  { key: 'byCounty', title: '按产地区县', column: '产地区县', dimension: 'COUNTY' },
  { key: 'byCategory', title: '按品类', column: '品类', dimension: 'CATEGORY' },
  { key: 'byBrand', title: '按品牌', column: '品牌', dimension: 'BRAND' },
  { key: 'bySupplier', title: '按供应商', column: '供应商', dimension: 'SUPPLIER' },
  { key: 'topProducts', title: '热销商品', column: '商品', dimension: 'PRODUCT' },
]

export function groupingInfo(key: string | undefined): GroupingInfo {
  return GROUPINGS.find((g) => g.key === key) ?? GROUPINGS[0]
}

/** How many entries of each grouping the page asks for (the API allows 1–100). */
export const TOP_CHOICES = [10, 20, 50] as const

export function topFromQuery(value: unknown): number {
  const n = Number(value)
  return (TOP_CHOICES as readonly number[]).includes(n) ? n : 10
}

/**
 * A horizontal bar chart of the entries' net sales (yuan), the largest at the top; the tooltip
 * gives the net, eligible and refunded money and the orders.
 */
export function supplyBarOption(entries: readonly SupplyEntry[]) {
  // ECharts draws the first category at the bottom: reverse, so the largest is on top
  const rows = [...entries].reverse()
  return {
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: barTooltip(rows, (e) => [
      `净销售额：${formatFen(e.totalFen)}`,
      `计入预留份额：${formatFen(e.eligibleFen)}`,
      `退款：${formatFen(e.refundedFen)}`,
      `订单：${e.orders} 笔`,
    ]),
    xAxis: { type: 'value', name: '元', axisLabel: { formatter: (v: number) => compactYuan(v) } },
    yAxis: {
      type: 'category',
      data: rows.map((e) => truncate(e.name, 12)),
      axisLabel: { interval: 0 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: '#2f9e44' },
        data: rows.map((e) => ({ value: e.totalFen / 100, key: e.key })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => formatFen(rows[p.dataIndex]?.totalFen ?? 0) },
      },
    ],
  }
}

/** An axis label: 12000 -> "1.2万". */
export function compactYuan(yuan: number): string {
  if (Math.abs(yuan) >= 100_000_000) return `${trim(yuan / 100_000_000)}亿`
  if (Math.abs(yuan) >= 10_000) return `${trim(yuan / 10_000)}万`
  return `${trim(yuan)}`
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100)
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

/** The 滞销 windows offered (days without a sale); the API accepts 1–3660. */
export const SLOW_WINDOWS = [30, 60, 90, 180] as const

export function slowWindowFromQuery(value: unknown): number {
  const n = Number(value)
  return (SLOW_WINDOWS as readonly number[]).includes(n) ? n : 30
}

/** "从未售出" or "45 天". */
export function sinceLastSaleText(days: number | null | undefined): string {
  return days === null || days === undefined ? '从未售出' : `${days} 天`
}

export type Half = 1 | 2

export const HALF_LABELS: Record<Half, string> = { 1: '上半年', 2: '下半年' }

/** The half-year (1: January–June) of a moment in Asia/Shanghai, with its year. */
export function halfOf(now: Date = new Date()): { year: number; half: Half } {
  const parts = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric' }).formatToParts(now)
  const year = Number(parts.find((p) => p.type === 'year')?.value)
  const month = Number(parts.find((p) => p.type === 'month')?.value)
  return { year, half: month <= 6 ? 1 : 2 }
}

export function halfFromQuery(value: unknown, fallback: Half): Half {
  const n = Number(value)
  return n === 1 || n === 2 ? n : fallback
}
