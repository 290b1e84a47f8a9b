package cn.huinong.payments.internal;

import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL of refunds (table {@code refund}) and the refund sweep's questions; joins the caller's transaction. */
@Singleton
class RefundStore {

    private final Sql sql;

    RefundStore(Sql sql) {
        this.sql = sql;
    }

    /** What is refunded or being refunded of a payment. */
    long refunding(long paymentId) {
        return sql.one(
                        "SELECT coalesce(sum(amount_fen), 0) FROM refund WHERE payment_id = ? AND status <> 'FAILED'",
                        rs -> rs.getLong(1),
                        paymentId)
                .orElse(0L);
    }

    Optional<RefundRow> refund(long id, boolean lock) {
        return sql.one("SELECT * FROM refund WHERE id = ?" + (lock ? " FOR UPDATE" : ""), RefundStore::mapRefund, id);
    }

    Optional<RefundRow> refundByGatewayId(String gatewayRefundId) {
        return sql.one("SELECT * FROM refund WHERE gateway_refund_id = ?", RefundStore::mapRefund, gatewayRefundId);
    }

    List<RefundRow> refundsOf(long paymentId) {
        return sql.list("SELECT * FROM refund WHERE payment_id = ? ORDER BY id", RefundStore::mapRefund, paymentId);
    }

    void refundStatus(long id, String status, String gatewayRefundId, String gatewayStatus, String failureMessage) {
        sql.update("""
                UPDATE refund SET status = ?, gateway_refund_id = coalesce(?, gateway_refund_id),
                                  gateway_status = coalesce(?, gateway_status), failure_message = ?, updated_at = now()
                WHERE id = ?""", status, gatewayRefundId, gatewayStatus, failureMessage, id);
    }

    /** The supplier's word that an offline refund was sent: when, with which bank reference. */
    void refundSent(long id, LocalDate sentOn, String bankReference, String by) {
        sql.update("""
                UPDATE refund SET sent_on = ?, bank_reference = ?, confirmed_by = ?, confirmed_at = now(), updated_at = now()
                WHERE id = ?""", sentOn, bankReference, by, id);
    }

    /** Whether an automatic refund (cancellation, orphaned money) of the payment is in flight. */
    boolean automaticRefundPending(long paymentId) {
        return sql.count(
                        "SELECT count(*) FROM refund WHERE payment_id = ? AND status = 'PENDING' AND cause <> 'MANUAL'",
                        paymentId)
                > 0;
    }

    long insertRefund(
            long orderId,
            long paymentId,
            long amountFen,
            String reason,
            String cause,
            boolean offline,
            String createdBy) {
        return sql.one("""
                INSERT INTO refund (order_id, payment_id, amount_fen, reason, status, cause, offline, created_by)
                VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?) RETURNING id""", rs -> rs.getLong(1), orderId, paymentId, amountFen, reason, cause, offline, createdBy)
                .orElseThrow();
    }

    long countRefunds(long paymentId, String status, boolean automatic) {
        return sql.count(
                "SELECT count(*) FROM refund WHERE payment_id = ? AND status = ?"
                        + (automatic ? " AND cause <> 'MANUAL'" : ""),
                paymentId,
                status);
    }

    /** ORPHANED payments not fully refunded, with no refund in flight, ids ascending after {@code afterId}. */
    List<Long> orphanedUnrefunded(long afterId, int limit) {
        return sql.list("""
                SELECT p.id FROM payment p WHERE p.status = 'ORPHANED' AND p.id > ?
                  AND p.amount_fen > (SELECT coalesce(sum(r.amount_fen), 0) FROM refund r
                                      WHERE r.payment_id = p.id AND r.status = 'SUCCEEDED')
                  AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.payment_id = p.id AND r.status = 'PENDING')
                ORDER BY p.id LIMIT ?""", rs -> rs.getLong(1), afterId, limit);
    }

    /** Refunds still PENDING (outcome unknown or pending at the gateway) created before {@code before}. */
    List<Long> pendingRefunds(Instant before, int limit) {
        return sql.list("""
                SELECT id FROM refund WHERE status = 'PENDING' AND NOT offline AND created_at <= ?
                ORDER BY created_at, id LIMIT ?""", rs -> rs.getLong(1), before, limit);
    }

    List<Long> pendingRefundsOf(long paymentId) {
        return sql.list(
                "SELECT id FROM refund WHERE payment_id = ? AND status = 'PENDING' ORDER BY id",
                rs -> rs.getLong(1),
                paymentId);
    }

    private static RefundRow mapRefund(ResultSet rs) throws SQLException {
        return new RefundRow(
                rs.getLong("id"),
                rs.getLong("order_id"),
                rs.getLong("payment_id"),
                rs.getLong("amount_fen"),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getString("failure_message"),
                rs.getString("cause"),
                rs.getBoolean("offline"),
                rs.getString("gateway_refund_id"),
                rs.getString("gateway_status"),
                Sql.instant(rs, "created_at"),
                Sql.date(rs, "sent_on"),
                rs.getString("bank_reference"),
                rs.getString("confirmed_by"),
                Sql.instant(rs, "confirmed_at"));
    }
}
