import { describe, expect, it } from 'vitest'
import { unitKpis } from '@/services/unitKpis'
import type { Schema } from './fixtures'

const summary: Schema<'RegionSummary'> = {
  region: { code: '520000', name: '贵州省' },
  year: 2026,
  children: [],
  units: 10,
  filedUnits: 7,
  completedUnits: 2,
  laggingUnits: 0,
  reservedFen: 1_000_000,
  eligibleSpentFen: 250_050,
  completionRate: 0.25,
}

describe('unitKpis', () => {
  it('lists the units, filed, not filed, amounts, rate, completed and lagging, test ids by prefix', () => {
    const kpis = unitKpis(summary, { prefix: 'kpi-', unitsLabel: '预算单位', completed: true })
    expect(kpis.map((k) => k.testid)).toEqual(['kpi-units', 'kpi-filed', 'kpi-not-filed', 'kpi-reserved', 'kpi-spent', 'kpi-rate', 'kpi-completed', 'kpi-lagging'])
    expect(kpis[0]).toEqual({ label: '预算单位', value: '10', unit: '家', testid: 'kpi-units' })
    expect(kpis[2]).toMatchObject({ label: '未填报', value: '3', warn: true })
    expect(kpis[5]!.value).toBe('25.00%')
    expect(kpis[7]).toMatchObject({ label: '进度滞后', value: '0', warn: false })
  })

  it('leaves the completed units out for a supervising department', () => {
    const kpis = unitKpis({ ...summary, filedUnits: 10, laggingUnits: 1 }, { prefix: 'sub-kpi-', unitsLabel: '下属单位', completed: false })
    expect(kpis.map((k) => k.label)).toEqual(['下属单位', '已填报', '未填报', '预留份额', '已完成采购', '完成率', '进度滞后'])
    expect(kpis[2]!.warn).toBe(false)
    expect(kpis[6]!.warn).toBe(true)
  })
})
