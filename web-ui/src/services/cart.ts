/** The cart as the page shows it: lines grouped by supplier (one order per supplier at checkout). */
import type { CartLine } from './api/types'

export interface CartGroup {
  /** null: lines whose product can no longer be read */
  supplierId: number | null
  supplierName: string
  lines: CartLine[]
  /** sum of the available lines, like the server's totalFen */
  subtotalFen: number
  /** the part of the subtotal that counts towards the reserved share (计入预留份额) */
  eligibleFen: number
}

export interface CartSummary {
  groups: CartGroup[]
  totalFen: number
  eligibleFen: number
  /** lines that cannot be checked out (delisted, or short of stock) */
  unavailableCount: number
  /** lines whose eligibility is not known (yet) */
  unknownEligibility: number
}

/**
 * Groups lines by supplier in the cart's order; `eligible(productId)` says whether a product counts
 * towards the reserved share (undefined while unknown: not counted).
 */
export function summarizeCart(lines: readonly CartLine[], eligible: (productId: number) => boolean | undefined): CartSummary {
  const groups = new Map<string, CartGroup>()
  let totalFen = 0
  let eligibleFen = 0
  let unavailableCount = 0
  let unknownEligibility = 0
  for (const line of lines) {
    const id = line.supplierId ?? null
    const mapKey = id === null ? 'none' : String(id)
    let group = groups.get(mapKey)
    if (!group) {
      group = { supplierId: id, supplierName: line.supplierName ?? '已失效的商品', lines: [], subtotalFen: 0, eligibleFen: 0 }
      groups.set(mapKey, group)
    }
    group.lines.push(line)
    if (!line.available) {
      unavailableCount++
      continue
    }
    group.subtotalFen += line.amountFen
    totalFen += line.amountFen
    const counts = eligible(line.productId)
    if (counts === undefined) unknownEligibility++
    else if (counts) {
      group.eligibleFen += line.amountFen
      eligibleFen += line.amountFen
    }
  }
  return { groups: [...groups.values()], totalFen, eligibleFen, unavailableCount, unknownEligibility }
}

/** Why a line cannot be checked out, or null when it can. */
export function unavailableReason(line: CartLine): string | null {
  if (line.available) return null
  if (line.name === null || line.priceFen === null) return '商品已下架或不存在'
  if (line.stock < line.quantity) return line.stock > 0 ? `库存不足（仅剩 ${line.stock}${line.unit ?? ''}）` : '暂时无货'
  return '商品已下架'
}

/** One line of a 409 checkout problem's `shortages` extension. */
export interface Shortage {
  productId: number
  requested: number
  available: number
}

/** The shortages of a refused checkout, named by the cart's lines: "雷山银球茶：需要 5 罐，可售 3 罐". */
export function describeShortages(shortages: unknown, lines: readonly CartLine[]): string[] {
  if (!Array.isArray(shortages)) return []
  return shortages
    .filter((s): s is Shortage => !!s && typeof s === 'object' && typeof (s as Shortage).productId === 'number')
    .map((s) => {
      const line = lines.find((l) => l.productId === s.productId)
      const unit = line?.unit ?? ''
      const name = line?.name ?? `商品 ${s.productId}`
      return s.available > 0 ? `${name}：需要 ${s.requested}${unit}，可售 ${s.available}${unit}` : `${name}：已无货或不可购买`
    })
}
