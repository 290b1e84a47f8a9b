package cn.huinong.quota.internal;

import cn.huinong.quota.ConsistencyReport;
import cn.huinong.quota.QuotaRules;
import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Recomputes each unit's eligible spent for a year from the orders themselves (paid_at in the year, Asia/Shanghai,
 * minus the eligible part of the refunded total: all of it when the whole order was refunded, else rounded down,
 * which is what ordering's refund events add up to) and compares it with
 * the ledger and with {@code quota_unit_figures}. Reads ordering's published {@code order_payment_facts} (ADR 15):
 * an independent recomputation, deliberately not built on the events it checks.
 */
@Singleton
class ConsistencyCheck {

    private final Sql sql;

    private final Clock clock;

    ConsistencyCheck(Sql sql, Clock clock) {
        this.clock = clock;
        this.sql = sql;
    }

    ConsistencyReport check(int year) {
        Instant from = QuotaRules.startOf(year);
        Instant to = QuotaRules.startOf(year + 1);
        record Row(long organizationId, long fromOrders, long ledger, long figures) {}
        List<Row> rows = sql.list(
                """
                WITH from_orders AS (
                    SELECT buyer_organization_id AS org,
                           sum(eligible_fen - CASE WHEN refunded_fen = total_fen THEN eligible_fen
                                                   ELSE eligible_fen * refunded_fen / greatest(1, total_fen) END) AS fen
                    FROM order_payment_facts WHERE paid_at >= ? AND paid_at < ? GROUP BY 1
                ), ledger AS (
                    SELECT organization_id AS org, sum(eligible_fen) AS fen FROM quota_ledger WHERE year = ? GROUP BY 1
                ), figures AS (
                    SELECT organization_id AS org, own_spent_fen AS fen FROM quota_unit_figures WHERE year = ?
                ), units AS (
                    SELECT org FROM from_orders UNION SELECT org FROM ledger UNION SELECT org FROM figures
                )
                SELECT u.org, coalesce(o.fen, 0) AS from_orders, coalesce(l.fen, 0) AS ledger,
                       coalesce(f.fen, 0) AS figures
                FROM units u LEFT JOIN from_orders o ON o.org = u.org LEFT JOIN ledger l ON l.org = u.org
                     LEFT JOIN figures f ON f.org = u.org
                ORDER BY u.org
                """, rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), from, to, year, year);
        long pending = sql.count("""
                SELECT count(*) FROM order_event_outbox e, outbox_consumer c
                WHERE c.name = ? AND (e.tx_id, e.id) > (c.last_tx_id, c.last_id)
                """, LedgerService.CONSUMER);
        List<ConsistencyReport.Mismatch> mismatches = rows.stream()
                .filter(r -> r.fromOrders() != r.ledger() || r.ledger() != r.figures())
                .map(r -> new ConsistencyReport.Mismatch(r.organizationId(), r.fromOrders(), r.ledger(), r.figures()))
                .toList();
        return new ConsistencyReport(year, Instant.now(clock), rows.size(), pending, mismatches);
    }
}
