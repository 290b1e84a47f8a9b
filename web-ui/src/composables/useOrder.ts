import { ref, type Ref } from 'vue'
import { ApiProblem, client, ok } from '@/services/api/client'
import type { OrderView } from '@/services/api/types'
import { useLatest } from './useLatest'
import { usePolling } from './usePolling'

/**
 * One order (GET /orders/{id}) for its detail page: load, replace with what a transition answered,
 * and poll until a condition holds (e.g. PAID after a card payment, which a webhook may settle).
 */
export function useOrder(id: Ref<number>) {
  async function fetchOrder(): Promise<OrderView> {
    if (!Number.isSafeInteger(id.value) || id.value <= 0) throw new ApiProblem({ status: 404 })
    return ok(client.GET('/api/v1/orders/{id}', { params: { path: { id: id.value } } }))
  }

  const { data: order, loading, error, notFound, load } = useLatest(fetchOrder, { notFoundApart: true })

  /** A transition's answer is the order as it is now. */
  function replace(view: OrderView) {
    order.value = view
  }

  let until: ((o: OrderView) => boolean) | null = null
  let remaining = 0
  let settled: ((reached: boolean) => void) | null = null
  const polling = usePolling(async () => {
    try {
      const fresh = await fetchOrder()
      order.value = fresh
      if (until?.(fresh)) return finish(true)
    } catch {
      // keep trying until the budget is spent
    }
    if (--remaining <= 0) finish(false)
  }, 1500)
  const waiting = ref(false)

  function finish(reached: boolean) {
    polling.stop()
    waiting.value = false
    settled?.(reached)
    settled = null
  }

  /** Re-reads the order every 1.5 s until `condition` holds (true) or `attempts` are spent (false). */
  function pollUntil(condition: (o: OrderView) => boolean, attempts = 20): Promise<boolean> {
    if (order.value && condition(order.value)) return Promise.resolve(true)
    settled?.(false)
    until = condition
    remaining = attempts
    waiting.value = true
    polling.stop()
    polling.start()
    return new Promise((resolve) => {
      settled = resolve
    })
  }

  return { order, loading, error, notFound, waiting, load, replace, pollUntil }
}
