/**
 * A loader that asks once per key for the page's lifetime: callers share the pending answer; a failed load is
 * forgotten, so the next call tries again. `clear()` forgets everything (tests).
 */
export function loadOnce<K, V>(load: (key: K) => Promise<V>) {
  const cache = new Map<K, Promise<V>>()
  function get(key: K): Promise<V> {
    let pending = cache.get(key)
    if (!pending) {
      pending = load(key)
      pending.catch(() => cache.delete(key))
      cache.set(key, pending)
    }
    return pending
  }
  return Object.assign(get, { clear: () => cache.clear() })
}
