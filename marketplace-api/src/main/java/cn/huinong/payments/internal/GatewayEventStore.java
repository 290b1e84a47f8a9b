package cn.huinong.payments.internal;

import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * SQL of what the gateway told us: processed webhook events ({@code payment_event}, each id once) and answers that did
 * not match ({@code payment_mismatch}); joins the caller's transaction.
 */
@Singleton
class GatewayEventStore {

    private final Sql sql;

    GatewayEventStore(Sql sql) {
        this.sql = sql;
    }

    /** True the first time this event id is seen. */
    boolean firstSeen(String eventId, String type, Long paymentId) {
        return sql.update("""
                INSERT INTO payment_event (event_id, event_type, payment_id) VALUES (?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""", eventId, type, paymentId) == 1;
    }

    long insertMismatch(
            Long paymentId,
            Long refundId,
            String eventId,
            String eventType,
            String gatewayObjectId,
            List<String> reasons,
            String expectedJson,
            String actualJson,
            String raw) {
        return sql.one(
                        """
                INSERT INTO payment_mismatch (payment_id, refund_id, event_id, event_type, gateway_object_id, reasons,
                                              expected, actual, raw)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) RETURNING id""",
                        rs -> rs.getLong(1),
                        paymentId,
                        refundId,
                        eventId,
                        eventType,
                        gatewayObjectId,
                        reasons.toArray(String[]::new),
                        expectedJson,
                        actualJson,
                        raw)
                .orElseThrow();
    }

    Optional<MismatchRow> mismatch(long id, boolean lock) {
        return sql.one(
                "SELECT * FROM payment_mismatch WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                GatewayEventStore::mapMismatch,
                id);
    }

    PageResponse<MismatchRow> mismatches(boolean openOnly, PageQuery page) {
        String where = openOnly ? " WHERE resolved_at IS NULL" : "";
        long total = sql.count("SELECT count(*) FROM payment_mismatch" + where);
        return new PageResponse<>(
                sql.list(
                        "SELECT * FROM payment_mismatch" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                        GatewayEventStore::mapMismatch,
                        page.size(),
                        page.offset()),
                page.page(),
                page.size(),
                total);
    }

    long openMismatches(long paymentId) {
        return sql.count(
                "SELECT count(*) FROM payment_mismatch WHERE payment_id = ? AND resolved_at IS NULL", paymentId);
    }

    void resolveMismatch(long id, String by, String resolution) {
        sql.update(
                "UPDATE payment_mismatch SET resolved_at = now(), resolved_by = ?, resolution = ? WHERE id = ?",
                by,
                resolution,
                id);
    }

    private static MismatchRow mapMismatch(ResultSet rs) throws SQLException {
        return new MismatchRow(
                rs.getLong("id"),
                Sql.nullableLong(rs, "payment_id"),
                Sql.nullableLong(rs, "refund_id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("gateway_object_id"),
                List.of((String[]) rs.getArray("reasons").getArray()),
                rs.getString("expected"),
                rs.getString("actual"),
                rs.getString("raw"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "resolved_at"),
                rs.getString("resolved_by"),
                rs.getString("resolution"));
    }
}
