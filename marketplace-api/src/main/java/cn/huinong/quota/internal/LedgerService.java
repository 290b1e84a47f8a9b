package cn.huinong.quota.internal;

import cn.huinong.quota.QuotaLedger;
import cn.huinong.quota.QuotaRules;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code order_event_outbox}: claims the oldest unpublished rows (FOR UPDATE SKIP LOCKED, in id order),
 * books the money events to {@code quota_ledger} (unique event_id: a replayed event books nothing) and to the
 * figures, and sets published_at, all in one transaction. A crash before commit leaves the rows unpublished for the
 * next run; a duplicate delivery is absorbed by the event_id constraint.
 */
@Singleton
class LedgerService implements QuotaLedger {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerService.class);

    record Claimed(long id, UUID eventId, String type, long orderId, long organizationId, String channel,
                   long eligibleFen, Instant paidAt, Instant occurredAt) {
    }

    private final Sql sql;
    private final FiguresStore figures;

    LedgerService(Sql sql, FiguresStore figures) {
        this.sql = sql;
        this.figures = figures;
    }

    @Override
    @Transactional
    public int consumeBatch(int batchSize) {
        List<Claimed> batch = sql.list("""
                SELECT e.id, e.event_id, e.event_type, e.order_id, e.buyer_organization_id, e.eligible_fen,
                       e.occurred_at, e.payload ->> 'channel' AS channel, e.payload ->> 'paidAt' AS paid_at_text,
                       o.paid_at AS order_paid_at
                FROM order_event_outbox e LEFT JOIN purchase_order o ON o.id = e.order_id
                WHERE e.published_at IS NULL
                ORDER BY e.id
                LIMIT ?
                FOR UPDATE OF e SKIP LOCKED
                """, rs -> new Claimed(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                rs.getString("event_type"), rs.getLong("order_id"), rs.getLong("buyer_organization_id"),
                rs.getString("channel"), rs.getLong("eligible_fen"),
                paidAt(rs.getString("paid_at_text"), Sql.instant(rs, "order_paid_at")),
                Sql.instant(rs, "occurred_at")), batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        // lock figures rows in a stable order so that concurrent consumers do not deadlock on each other
        batch.stream().filter(LedgerService::movesMoney)
                .sorted(java.util.Comparator.comparingLong(Claimed::organizationId).thenComparingLong(Claimed::id))
                .forEach(this::book);
        sql.update("UPDATE order_event_outbox SET published_at = now() WHERE id = ANY (?)",
                (Object) batch.stream().map(Claimed::id).toArray(Long[]::new));
        return batch.size();
    }

    @Override
    public int drain(int maxEvents) {
        int total = 0;
        int n;
        do {
            n = consumeBatch(Math.min(500, Math.max(1, maxEvents - total)));
            total += n;
        } while (n > 0 && total < maxEvents);
        return total;
    }

    private static boolean movesMoney(Claimed e) {
        return "ORDER_PAID".equals(e.type()) || "ORDER_REFUNDED".equals(e.type());
    }

    /** ORDER_PAID adds, ORDER_REFUNDED takes back, both in the year of the original payment. */
    private void book(Claimed e) {
        if (e.paidAt() == null) {
            LOG.warn("order event {} ({}) of order {} has no payment time; not booked", e.eventId(), e.type(),
                    e.orderId());
            return;
        }
        long fen = "ORDER_PAID".equals(e.type()) ? e.eligibleFen() : -e.eligibleFen();
        int year = QuotaRules.yearOf(e.paidAt());
        int inserted = sql.update("""
                INSERT INTO quota_ledger (event_id, event_type, order_id, organization_id, channel, year, eligible_fen,
                                          paid_at, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """, e.eventId(), e.type(), e.orderId(), e.organizationId(),
                e.channel() == null ? "CANTEEN" : e.channel(), year, fen, e.paidAt(), e.occurredAt());
        if (inserted == 1) {
            figures.book(e.organizationId(), year, fen);
        }
    }

    /** The event's paidAt (ISO-8601); the order's payment time when the payload has none. */
    private static Instant paidAt(String text, Instant orderPaidAt) {
        if (text != null) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException ignored) {
                // fall through
            }
        }
        return orderPaidAt;
    }
}
