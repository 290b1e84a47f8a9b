import type { RegionSummary } from '@/services/api/types'
import { formatFen } from '@/services/money'
import { formatRate } from '@/services/quota'

/** One key figure of a row of small cards (`KpiCards`); a figure with `warn` stands out. */
export interface Kpi {
  label: string
  value: string
  unit?: string
  warn?: boolean
  testid?: string
}

/**
 * The key figures of the units below a region or a supervising department: how many, filed, not filed, the reserved
 * share, spent, the completion rate, (completed,) lagging. Test ids are `${prefix}units`, `${prefix}filed`, ...
 */
export function unitKpis(s: RegionSummary, options: { prefix: string; unitsLabel: string; completed: boolean }): Kpi[] {
  const { prefix } = options
  const kpis: Kpi[] = [
    { label: options.unitsLabel, value: `${s.units}`, unit: '家', testid: `${prefix}units` },
    { label: '已填报', value: `${s.filedUnits}`, unit: '家', testid: `${prefix}filed` },
    { label: '未填报', value: `${s.units - s.filedUnits}`, unit: '家', testid: `${prefix}not-filed`, warn: s.units > s.filedUnits },
    { label: '预留份额', value: formatFen(s.reservedFen), testid: `${prefix}reserved` },
    { label: '已完成采购', value: formatFen(s.eligibleSpentFen), testid: `${prefix}spent` },
    { label: '完成率', value: formatRate(s.completionRate), testid: `${prefix}rate` },
  ]
  if (options.completed) kpis.push({ label: '已完成单位', value: `${s.completedUnits}`, unit: '家', testid: `${prefix}completed` })
  kpis.push({ label: '进度滞后', value: `${s.laggingUnits}`, unit: '家', testid: `${prefix}lagging`, warn: s.laggingUnits > 0 })
  return kpis
}
