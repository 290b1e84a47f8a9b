import { describe, expect, it, vi } from 'vitest'
import { loadOnce } from '@/services/loadOnce'

describe('loadOnce', () => {
  it('asks once per key and shares the answer', async () => {
    const load = vi.fn(async (id: number) => `商品 ${id}`)
    const get = loadOnce(load)
    const [a, b] = await Promise.all([get(1), get(1)])
    expect(a).toBe('商品 1')
    expect(b).toBe('商品 1')
    expect(await get(2)).toBe('商品 2')
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('forgets a failure, so the next call asks again; clear forgets all', async () => {
    let fail = true
    const load = vi.fn(async (code: string) => {
      if (fail) throw new Error('offline')
      return code
    })
    const get = loadOnce(load)
    await expect(get('520000')).rejects.toThrow('offline')
    fail = false
    expect(await get('520000')).toBe('520000')
    expect(await get('520000')).toBe('520000')
    expect(load).toHaveBeenCalledTimes(2)
    get.clear()
    await get('520000')
    expect(load).toHaveBeenCalledTimes(3)
  })
})
