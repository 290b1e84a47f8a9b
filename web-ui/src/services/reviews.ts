import { client, ok } from '@/services/api/client'
import type { ReviewDecision } from '@/services/api/types'

type DecisionPath = '/api/v1/products/{id}/decision' | '/api/v1/certifications/{id}/decision'

/** How an operator's 通过 / 驳回 (with its reason) of a queued product or certificate is sent. */
export function reviewDecision(path: DecisionPath) {
  return (item: { id: number }, decision: ReviewDecision, reason?: string) =>
    ok(
      client.POST(path, {
        params: { path: { id: item.id } },
        body: reason === undefined ? { decision } : { decision, reason },
      }),
    )
}
