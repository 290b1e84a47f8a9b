package cn.huinong.payments.internal;

import cn.huinong.payments.BankAccount;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL for payments and processed gateway events; joins the caller's transaction. */
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

    /** The payer's slip and the date on it. */
    void slip(long id, long fileId, LocalDate transferDate) {
        sql.update(
                "UPDATE payment SET slip_file_id = ?, transfer_date = ?, updated_at = now() WHERE id = ?",
                fileId,
                transferDate,
                id);
    }

    void transferDateConfirmed(long id, LocalDate date) {
        sql.update("UPDATE payment SET transfer_date_confirmed = ?, updated_at = now() WHERE id = ?", date, id);
    }

    void reminded(long id, Instant at) {
        sql.update("UPDATE payment SET reminded_at = ? WHERE id = ?", at, id);
    }

    /** Transfers still awaited whose window closes by {@code by} and whose buyer was not reminded yet. */
    List<Long> transfersToRemind(Instant now, Instant by, int limit) {
        return sql.list("""
                SELECT id FROM payment WHERE status = 'AWAITING_TRANSFER' AND reminded_at IS NULL
                  AND expires_at > ? AND expires_at <= ? ORDER BY expires_at, id LIMIT ?""", rs -> rs.getLong(1), now, by, limit);
    }

    /** Transfers still awaited after their window closed, ids ascending after {@code afterId}. */
    List<Long> lapsedTransfers(Instant now, long afterId, int limit) {
        return sql.list("""
                SELECT id FROM payment WHERE status = 'AWAITING_TRANSFER' AND expires_at <= ? AND id > ?
                ORDER BY id LIMIT ?""", rs -> rs.getLong(1), now, afterId, limit);
    }

    /** A buyer unit's transfers still awaited (by the orders' ids), soonest window first. */
    List<PaymentRow> awaitingTransfer(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return sql.list("""
                SELECT * FROM payment WHERE status = 'AWAITING_TRANSFER' AND order_id = ANY (?)
                ORDER BY expires_at, id""", PaymentStore::map, (Object) orderIds.toArray(Long[]::new));
    }

    /** A bank transfer's instructions: the reference (附言) and the supplier's account at this moment. */
    void transfer(long id, String reference, BankAccount account) {
        sql.update("""
                UPDATE payment SET transfer_reference = ?, payee_bank_name = ?, payee_account_name = ?,
                                   payee_account_number = ? WHERE id = ?""", reference, account.bankName(), account.accountName(), account.accountNumber(), id);
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

    /** True the first time this event id is seen. */
    boolean firstSeen(String eventId, String type, Long paymentId) {
        return sql.update("""
                INSERT INTO payment_event (event_id, event_type, payment_id) VALUES (?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""", eventId, type, paymentId) == 1;
    }

    private static PaymentRow map(ResultSet rs) throws SQLException {
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

    Optional<PaymentRow> lockSucceeded(long orderId) {
        return sql.one(
                "SELECT * FROM payment WHERE order_id = ? AND status = 'SUCCEEDED' FOR UPDATE",
                PaymentStore::map,
                orderId);
    }

    /** What is refunded or being refunded of a payment. */
    long refunding(long paymentId) {
        return sql.one(
                        "SELECT coalesce(sum(amount_fen), 0) FROM refund WHERE payment_id = ? AND status <> 'FAILED'",
                        rs -> rs.getLong(1),
                        paymentId)
                .orElse(0L);
    }

    record RefundRow(
            long id,
            long orderId,
            long paymentId,
            long amountFen,
            String reason,
            String status,
            String failureMessage,
            String cause,
            boolean offline,
            String gatewayRefundId,
            String gatewayStatus,
            Instant createdAt,
            LocalDate sentOn,
            String bankReference,
            String confirmedBy,
            Instant confirmedAt) {

        boolean pending() {
            return "PENDING".equals(status);
        }
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

    Optional<RefundRow> refund(long id, boolean lock) {
        return sql.one("SELECT * FROM refund WHERE id = ?" + (lock ? " FOR UPDATE" : ""), PaymentStore::mapRefund, id);
    }

    Optional<RefundRow> refundByGatewayId(String gatewayRefundId) {
        return sql.one("SELECT * FROM refund WHERE gateway_refund_id = ?", PaymentStore::mapRefund, gatewayRefundId);
    }

    List<RefundRow> refundsOf(long paymentId) {
        return sql.list("SELECT * FROM refund WHERE payment_id = ? ORDER BY id", PaymentStore::mapRefund, paymentId);
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

    /** What of a payment the gateway (or the supplier, offline) has given back. */
    long refunded(long paymentId) {
        return sql.one(
                        "SELECT coalesce(sum(amount_fen), 0) FROM refund WHERE payment_id = ? AND status = 'SUCCEEDED'",
                        rs -> rs.getLong(1),
                        paymentId)
                .orElse(0L);
    }

    long countRefunds(long paymentId, String status, boolean automatic) {
        return sql.count(
                "SELECT count(*) FROM refund WHERE payment_id = ? AND status = ?"
                        + (automatic ? " AND cause <> 'MANUAL'" : ""),
                paymentId,
                status);
    }

    Optional<PaymentRow> succeededOf(long orderId) {
        return sql.one("SELECT * FROM payment WHERE order_id = ? AND status = 'SUCCEEDED'", PaymentStore::map, orderId);
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

    record MismatchRow(
            long id,
            Long paymentId,
            Long refundId,
            String eventId,
            String eventType,
            String gatewayObjectId,
            List<String> reasons,
            String expected,
            String actual,
            String raw,
            Instant createdAt,
            Instant resolvedAt,
            String resolvedBy,
            String resolution) {}

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

    Optional<MismatchRow> mismatch(long id, boolean lock) {
        return sql.one(
                "SELECT * FROM payment_mismatch WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                PaymentStore::mapMismatch,
                id);
    }

    PageResponse<MismatchRow> mismatches(boolean openOnly, PageQuery page) {
        String where = openOnly ? " WHERE resolved_at IS NULL" : "";
        long total = sql.count("SELECT count(*) FROM payment_mismatch" + where);
        return new PageResponse<>(
                sql.list(
                        "SELECT * FROM payment_mismatch" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                        PaymentStore::mapMismatch,
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
}
