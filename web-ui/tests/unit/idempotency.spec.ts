import { describe, expect, it } from 'vitest'
import { ApiProblem } from '@/services/api/client'
import { idempotentAttempt, memoryKeyStore, newIdempotencyKey, outcomeUnknown } from '@/services/idempotency'

describe('newIdempotencyKey', () => {
  it('is a fresh UUID v4 every time', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })
})

describe('outcomeUnknown', () => {
  it('is true without an answer or with a server error, false for a definitive answer', () => {
    expect(outcomeUnknown(ApiProblem.network())).toBe(true)
    expect(outcomeUnknown(new ApiProblem({ status: 503 }))).toBe(true)
    expect(outcomeUnknown(new TypeError('Failed to fetch'))).toBe(true)
    expect(outcomeUnknown(new ApiProblem({ status: 409 }))).toBe(false)
    expect(outcomeUnknown(new ApiProblem({ status: 422 }))).toBe(false)
  })
})

describe('idempotentAttempt', () => {
  it('retries with the same key after a network error, and takes a new one after an answer', async () => {
    const attempt = idempotentAttempt('checkout')
    const keys: string[] = []
    const failing = (status: number) => async (key: string) => {
      keys.push(key)
      throw status === 0 ? ApiProblem.network() : new ApiProblem({ status })
    }
    await expect(attempt.run(failing(0))).rejects.toBeInstanceOf(ApiProblem)
    await expect(attempt.run(failing(502))).rejects.toBeInstanceOf(ApiProblem)
    await expect(attempt.run(failing(409))).rejects.toBeInstanceOf(ApiProblem)
    await expect(attempt.run(async (key) => (keys.push(key), 'placed'))).resolves.toBe('placed')
    await attempt.run(async (key) => keys.push(key))
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).toBe(keys[0])
    expect(keys[3]).not.toBe(keys[0])
    expect(keys[4]).not.toBe(keys[3])
  })

  it('keeps the key after a success when asked to, so asking again replays (one per name)', async () => {
    const store = memoryKeyStore()
    const pay = idempotentAttempt('pay-42-BANK_TRANSFER', store, true)
    const first = await pay.run(async (key) => key)
    expect(await idempotentAttempt('pay-42-BANK_TRANSFER', store, true).run(async (key) => key)).toBe(first)
    expect(await idempotentAttempt('pay-42-CARD', store, true).run(async (key) => key)).not.toBe(first)
  })
})
