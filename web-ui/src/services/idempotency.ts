/**
 * Idempotency-Key handling for writes that create orders or move money: one key per attempt, reused
 * when the previous try got no definitive answer (network error, 5xx), so the server replays instead
 * of acting twice; a new key once the server has answered.
 */
import { ApiProblem } from './api/client'

/** A random UUID v4; `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto
  if (typeof c?.randomUUID === 'function') return c.randomUUID()
  const b = new Uint8Array(16)
  c.getRandomValues(b)
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The request may or may not have been carried out: no answer at all, or a server error. */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ApiProblem)) return true
  return error.status === 0 || error.status >= 500
}

export interface KeyStore {
  get(name: string): string | null
  set(name: string, key: string): void
  remove(name: string): void
}

/** Keys kept only while the page lives. */
export function memoryKeyStore(): KeyStore {
  const keys = new Map<string, string>()
  return { get: (n) => keys.get(n) ?? null, set: (n, k) => void keys.set(n, k), remove: (n) => void keys.delete(n) }
}

/** Keys kept for the browser tab (sessionStorage), e.g. to replay a payment after a reload. */
export function sessionKeyStore(prefix = 'huinong.idempotency.'): KeyStore {
  const storage = () => globalThis.sessionStorage
  return {
    get: (n) => storage()?.getItem(prefix + n) ?? null,
    set: (n, k) => storage()?.setItem(prefix + n, k),
    remove: (n) => storage()?.removeItem(prefix + n),
  }
}

/**
 * One attempt of a write, named (e.g. "checkout", "pay-42-CARD"): `key()` gives its Idempotency-Key
 * (the same until the attempt is settled); `settle(error)` keeps the key when the outcome is unknown
 * and forgets it otherwise. `keepOnSuccess` keeps the key after a success too, so that asking again
 * replays the first answer (e.g. a bank transfer's instructions).
 */
export function idempotentAttempt(name: string, store: KeyStore = memoryKeyStore(), keepOnSuccess = false) {
  function key(): string {
    let k = store.get(name)
    if (!k) {
      k = newIdempotencyKey()
      store.set(name, k)
    }
    return k
  }
  function settle(error?: unknown): void {
    if (error === undefined) {
      if (!keepOnSuccess) store.remove(name)
    } else if (!outcomeUnknown(error)) {
      store.remove(name)
    }
  }
  /** Runs `call` with the attempt's key and settles by its outcome. */
  async function run<T>(call: (idempotencyKey: string) => Promise<T>): Promise<T> {
    try {
      const result = await call(key())
      settle()
      return result
    } catch (e) {
      settle(e)
      throw e
    }
  }
  return { key, settle, run }
}
