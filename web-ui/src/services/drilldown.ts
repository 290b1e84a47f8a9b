/**
 * Monitoring drill-down: from the viewer's scope (a province, or 全国 "000000") down to a
 * prefecture and a county, by GB/T 2260 codes. Pure functions; the page keeps the region in the URL.
 */
export const COUNTRY = '000000'

export type RegionLevel = 'COUNTRY' | 'PROVINCE' | 'PREFECTURE' | 'COUNTY'

export function levelOf(code: string): RegionLevel {
  if (code === COUNTRY) return 'COUNTRY'
  if (code.endsWith('0000')) return 'PROVINCE'
  if (code.endsWith('00')) return 'PREFECTURE'
  return 'COUNTY'
}

/** The codes from `code` up: 522634 -> [520000, 522600, 522634]; a province -> itself. */
function lineage(code: string): string[] {
  if (code === COUNTRY) return []
  const province = `${code.slice(0, 2)}0000`
  const prefecture = `${code.slice(0, 4)}00`
  const codes = [province]
  if (prefecture !== province) codes.push(prefecture)
  if (code !== prefecture && code !== province) codes.push(code)
  return codes
}

/** Whether `code` is `scope` or lies inside it. */
export function isWithin(code: string, scope: string): boolean {
  if (scope === COUNTRY) return /^\d{6}$/.test(code)
  return lineage(code).includes(scope)
}

/**
 * The breadcrumb from the scope down to `code` (codes, scope first); just the scope when `code` is
 * not inside it (the page then asks the server, which answers 403).
 */
export function trail(scope: string, code: string): string[] {
  if (code === scope || !isWithin(code, scope)) return [scope]
  const below = lineage(code)
  const start = scope === COUNTRY ? 0 : below.indexOf(scope) + 1
  return [scope, ...below.slice(start)]
}

/** Whether clicking a child of `code` goes deeper into regions (else the units are the end). */
export function canDrillBelow(code: string): boolean {
  return levelOf(code) !== 'COUNTY'
}

/** The query of the monitoring route for a region: the scope itself leaves it out. */
export function regionQuery(scope: string, code: string): string | undefined {
  return code === scope ? undefined : code
}
