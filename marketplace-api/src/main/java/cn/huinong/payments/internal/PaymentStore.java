package cn.huinong.payments.internal;

import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL of payment attempts and their gateway intents (table {@code payment}); joins the caller's transaction. Bank
 * transfers' own columns are {@link TransferStore}'s, refunds {@link RefundStore}'s, processed webhook events and
 * gateway mismatches {@link GatewayEventStore}'s.
 */
@Singleton
class PaymentStore {

    private final Sql sql;

    PaymentStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * A new attempt, unless the order already has a live one (the unique index payment_one_live_idx decides, so
     * concurrent attempts cannot both get in): empty then.
     */
    Optional<Long> insert(
            long orderId,
            PaymentMethod method,
            PaymentStatus status,
            long amountFen,
            Instant expiresAt,
            String createdBy) {
        return sql.one(
                """
                INSERT INTO payment (order_id, method, status, amount_fen, expires_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) WHERE status IN ('PENDING', 'AWAITING_TRANSFER', 'FAILED') DO NOTHING
                RETURNING id""", rs -> rs.getLong(1), orderId, method.name(), status.name(), amountFen, expiresAt, createdBy);
    }

    /** The order's live attempt (one that may still take money), if any. */
    Optional<PaymentRow> live(long orderId) {
        return sql.one("""
                SELECT * FROM payment WHERE order_id = ? AND status IN ('PENDING', 'AWAITING_TRANSFER', 'FAILED')""", PaymentStore::map, orderId);
    }

    List<PaymentRow> liveOf(long orderId) {
        return sql.list("""
                SELECT * FROM payment WHERE order_id = ? AND status IN ('PENDING', 'AWAITING_TRANSFER', 'FAILED')
                ORDER BY id""", PaymentStore::map, orderId);
    }

    Optional<PaymentRow> find(long id) {
        return sql.one("SELECT * FROM payment WHERE id = ?", PaymentStore::map, id);
    }

    Optional<PaymentRow> lock(long id) {
        return sql.one("SELECT * FROM payment WHERE id = ? FOR UPDATE", PaymentStore::map, id);
    }

    Optional<PaymentRow> byIntent(String intentId) {
        return sql.one("SELECT * FROM payment WHERE intent_id = ?", PaymentStore::map, intentId);
    }

    List<PaymentRow> ofOrder(long orderId) {
        return sql.list("SELECT * FROM payment WHERE order_id = ? ORDER BY id", PaymentStore::map, orderId);
    }

    /** Whether the order already has a payment that received money. */
    boolean paid(long orderId) {
        return sql.count(
                        "SELECT count(*) FROM payment WHERE order_id = ? AND status IN ('SUCCEEDED', 'ORPHANED')",
                        orderId)
                > 0;
    }

    /** Records the intent once; a later answer for the same key carries the same intent. */
    void intent(long id, String intentId, String clientSecret) {
        sql.update("""
                UPDATE payment SET intent_id = coalesce(intent_id, ?), client_secret = coalesce(client_secret, ?),
                                   updated_at = now() WHERE id = ?""", intentId, clientSecret, id);
    }

    void status(long id, PaymentStatus status, String failureMessage, Instant paidAt) {
        sql.update("""
                UPDATE payment SET status = ?, failure_message = ?, paid_at = coalesce(?, paid_at), updated_at = now()
                WHERE id = ?""", status.name(), failureMessage, paidAt, id);
    }

    Optional<PaymentRow> lockSucceeded(long orderId) {
        return sql.one(
                "SELECT * FROM payment WHERE order_id = ? AND status = 'SUCCEEDED' FOR UPDATE",
                PaymentStore::map,
                orderId);
    }

    Optional<PaymentRow> succeededOf(long orderId) {
        return sql.one("SELECT * FROM payment WHERE order_id = ? AND status = 'SUCCEEDED'", PaymentStore::map, orderId);
    }

    /**
     * Card payments still live (intent outcome unknown, not confirmed, or declined and open for another try) created
     * before {@code before}.
     */
    List<Long> stuckCardPayments(Instant before, long afterId, int limit) {
        return sql.list("""
                SELECT id FROM payment WHERE method = 'CARD' AND status IN ('PENDING', 'FAILED') AND created_at <= ?
                  AND id > ?
                ORDER BY id LIMIT ?""", rs -> rs.getLong(1), before, afterId, limit);
    }

    /**
     * Payments that are ORPHANED, have a FAILED refund (or a refund the gateway failed after success), or a gateway
     * answer that did not match (open mismatch).
     */
    PageResponse<PaymentRow> attention(PageQuery page) {
        String where = """
                FROM payment p WHERE p.status = 'ORPHANED' OR EXISTS (SELECT 1 FROM refund r WHERE r.payment_id = p.id
                  AND (r.status = 'FAILED' OR r.gateway_status IN ('failed', 'canceled')))
                  OR EXISTS (SELECT 1 FROM payment_mismatch m WHERE m.payment_id = p.id AND m.resolved_at IS NULL)""";
        long total = sql.count("SELECT count(*) " + where);
        List<PaymentRow> items = sql.list(
                "SELECT p.* " + where + " ORDER BY p.id DESC LIMIT ? OFFSET ?",
                PaymentStore::map,
                page.size(),
                page.offset());
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    static PaymentRow map(ResultSet rs) throws SQLException {
        return new PaymentRow(
                rs.getLong("id"),
                rs.getLong("order_id"),
                PaymentMethod.valueOf(rs.getString("method")),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getLong("amount_fen"),
                rs.getString("currency"),
                rs.getString("intent_id"),
                rs.getString("client_secret"),
                rs.getString("transfer_reference"),
                rs.getString("failure_message"),
                Sql.instant(rs, "paid_at"),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"),
                rs.getString("payee_bank_name"),
                rs.getString("payee_account_name"),
                rs.getString("payee_account_number"),
                Sql.instant(rs, "expires_at"),
                Sql.nullableLong(rs, "slip_file_id"),
                Sql.date(rs, "transfer_date"),
                Sql.date(rs, "transfer_date_confirmed"),
                Sql.instant(rs, "reminded_at"));
    }
}
