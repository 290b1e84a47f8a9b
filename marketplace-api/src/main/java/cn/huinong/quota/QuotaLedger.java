package cn.huinong.quota;

/**
 * The consumer of ordering's {@code order_event_outbox}: books ORDER_PAID (+eligible) and ORDER_REFUNDED (-eligible
 * part, in the year of the original payment) to {@code quota_ledger} and moves its own position
 * ({@code outbox_consumer}), one batch per transaction. Safe to run on several instances at once (they take turns on
 * the position's row lock) and idempotent per event id. A scheduled poller calls it unless {@code huinong.quota.ledger.embedded=false}.
 */
public interface QuotaLedger {

    /** Consumes one batch of the events after the position, in (tx_id, id) order; returns how many events it took. */
    int consumeBatch(int batchSize);

    /** Consumes batches until none is left (or {@code maxEvents} were taken); returns how many. */
    int drain(int maxEvents);
}
