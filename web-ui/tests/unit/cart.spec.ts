import { describe, expect, it } from 'vitest'
import { describeShortages, summarizeCart, unavailableReason } from '@/services/cart'
import type { CartLine } from '@/services/api/types'

const line = (over: Partial<CartLine>): CartLine => ({
  productId: 1,
  name: '雷山银球茶',
  supplierId: 7,
  supplierName: '雷山县苗岭银球茶农民专业合作社',
  unit: '罐',
  spec: '250克/罐',
  priceFen: 12800,
  quantity: 1,
  amountFen: 12800,
  stock: 300,
  available: true,
  eligible: true,
  ...over,
})

describe('summarizeCart', () => {
  const lines = [
    line({ productId: 1, quantity: 2, amountFen: 25600 }),
    line({ productId: 2, name: '榕江小香鸡', supplierId: 9, supplierName: '榕江县合作社', priceFen: 8800, amountFen: 8800 }),
    line({ productId: 3, name: '雷山红茶', priceFen: 9800, amountFen: 9800 }),
    line({ productId: 4, name: '黎平香菇', quantity: 50, amountFen: 380000, stock: 3, available: false }),
  ]
  const eligible = (id: number) => ({ 1: true, 2: false, 3: undefined, 4: true })[id]

  it('groups lines by supplier in the order they were added', () => {
    const s = summarizeCart(lines, eligible)
    expect(s.groups.map((g) => [g.supplierId, g.lines.map((l) => l.productId)])).toEqual([
      [7, [1, 3, 4]],
      [9, [2]],
    ])
  })

  it('adds up available lines only, per supplier and in total', () => {
    const s = summarizeCart(lines, eligible)
    expect(s.groups.map((g) => g.subtotalFen)).toEqual([25600 + 9800, 8800])
    expect(s.totalFen).toBe(25600 + 9800 + 8800)
    expect(s.unavailableCount).toBe(1)
  })

  it('counts eligible amounts only for products known to count towards the reserved share', () => {
    const s = summarizeCart(lines, eligible)
    expect(s.groups.map((g) => g.eligibleFen)).toEqual([25600, 0])
    expect(s.eligibleFen).toBe(25600)
    expect(s.unknownEligibility).toBe(1)
  })

  it('puts lines of products that can no longer be read in a group of their own', () => {
    const gone = line({ productId: 5, name: null, supplierId: null, supplierName: null, priceFen: null, amountFen: 0, available: false })
    const s = summarizeCart([gone], () => undefined)
    expect(s.groups).toHaveLength(1)
    expect(s.groups[0]).toMatchObject({ supplierId: null, supplierName: '已失效的商品', subtotalFen: 0 })
  })

  it('is empty for an empty cart', () => {
    expect(summarizeCart([], () => true)).toEqual({ groups: [], totalFen: 0, eligibleFen: 0, unavailableCount: 0, unknownEligibility: 0 })
  })
})

describe('unavailableReason', () => {
  it('says why a line cannot be checked out', () => {
    expect(unavailableReason(line({}))).toBeNull()
    expect(unavailableReason(line({ available: false, stock: 3, quantity: 5 }))).toBe('库存不足（仅剩 3罐）')
    expect(unavailableReason(line({ available: false, stock: 0, quantity: 5 }))).toBe('暂时无货')
    expect(unavailableReason(line({ available: false }))).toBe('商品已下架')
    expect(unavailableReason(line({ available: false, name: null, priceFen: null }))).toBe('商品已下架或不存在')
  })
})

describe('describeShortages', () => {
  it('names the products of a 409 checkout problem', () => {
    const lines = [line({ productId: 1 }), line({ productId: 2, name: '榕江小香鸡', unit: '只' })]
    expect(
      describeShortages(
        [
          { productId: 1, requested: 5, available: 3 },
          { productId: 2, requested: 1, available: 0 },
          { productId: 9, requested: 2, available: 1 },
        ],
        lines,
      ),
    ).toEqual(['雷山银球茶：需要 5罐，可售 3罐', '榕江小香鸡：已无货或不可购买', '商品 9：需要 2，可售 1'])
  })

  it('ignores anything else', () => {
    expect(describeShortages(undefined, [])).toEqual([])
    expect(describeShortages([null, 'x', { productId: '1' }], [])).toEqual([])
  })
})
