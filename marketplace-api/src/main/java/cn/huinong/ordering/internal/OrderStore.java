package cn.huinong.ordering.internal;

import cn.huinong.ordering.Channel;
import cn.huinong.ordering.LineSnapshot;
import cn.huinong.ordering.OrderEvent;
import cn.huinong.ordering.OrderLineView;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for the order aggregate and what its changes write (lines, history, outbox), and the ids the jobs work through;
 * the views' queries are {@link OrderReadStore}'s. Joins the caller's transaction.
 */
@Singleton
class OrderStore {

    private final Sql sql;
    private final ObjectMapper json;

    OrderStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    long insert(
            UUID checkoutId,
            long buyerOrganizationId,
            String buyerUsername,
            long supplierId,
            Channel channel,
            long totalFen,
            long eligibleFen,
            String deliveryAddress,
            Instant expiresAt) {
        return sql.one(
                        """
                INSERT INTO purchase_order (checkout_id, buyer_organization_id, buyer_username, supplier_id, channel,
                                            status, total_fen, eligible_fen, delivery_address, expires_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING_PAYMENT', ?, ?, ?, ?) RETURNING id""",
                        rs -> rs.getLong(1),
                        checkoutId,
                        buyerOrganizationId,
                        buyerUsername,
                        supplierId,
                        channel.name(),
                        totalFen,
                        eligibleFen,
                        deliveryAddress,
                        expiresAt)
                .orElseThrow();
    }

    void insertLine(long orderId, OrderLineView line) {
        sql.update(
                """
                INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price_fen, amount_fen, eligible,
                                        snapshot)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                orderId,
                line.lineNo(),
                line.productId(),
                line.quantity(),
                line.unitPriceFen(),
                line.amountFen(),
                line.eligible(),
                write(line.snapshot()));
    }

    private static final String ORDER = """
            SELECT id, checkout_id, buyer_organization_id, supplier_id, channel, status, total_fen, eligible_fen,
                   refunded_fen, expires_at, paid_at, payment_ref, delivered_at, invoice_title IS NOT NULL AS requested,
                   invoice_number IS NOT NULL AS issued, created_at
            FROM purchase_order WHERE id = ?""";

    /** The aggregate, as it is now. */
    Optional<Order> find(long id) {
        return sql.one(ORDER, OrderStore::order, id);
    }

    /** The aggregate, its row locked until the transaction ends. */
    Optional<Order> lock(long id) {
        return sql.one(ORDER + " FOR UPDATE", OrderStore::order, id);
    }

    /** Stores what a transition did: its facts with the new status, and its history row. */
    void apply(OrderChange c, String actor) {
        String status = c.to().name();
        OrderChange.Facts facts = c.facts();
        if (facts instanceof OrderChange.Paid f) {
            sql.update("""
                UPDATE purchase_order SET status = ?, paid_at = ?, payment_ref = ?, updated_at = now()
                WHERE id = ?""", status, f.paidAt(), f.paymentRef(), c.orderId());
        } else if (facts instanceof OrderChange.Shipped f) {
            sql.update("""
                UPDATE purchase_order SET status = ?, carrier = ?, tracking_number = ?, shipped_at = ?,
                                          updated_at = now()
                WHERE id = ?""", status, f.carrier(), f.trackingNumber(), f.shippedAt(), c.orderId());
        } else if (facts instanceof OrderChange.Delivered f) {
            sql.update("""
                UPDATE purchase_order SET status = ?, delivered_at = ?, updated_at = now() WHERE id = ?""", status, f.deliveredAt(), c.orderId());
        } else if (facts instanceof OrderChange.Accepted f) {
            sql.update("""
                UPDATE purchase_order SET status = ?, accepted_at = ?, rating = ?, acceptance_comment = ?,
                                          updated_at = now()
                WHERE id = ?""", status, f.acceptedAt(), f.rating(), f.comment(), c.orderId());
        } else if (facts instanceof OrderChange.Cancelled f) {
            sql.update("""
                UPDATE purchase_order SET status = ?, cancelled_at = ?, cancel_reason = ?, updated_at = now()
                WHERE id = ?""", status, f.cancelledAt(), f.reason(), c.orderId());
        } else if (facts instanceof OrderChange.Refunded f) {
            sql.update("""
                UPDATE purchase_order SET status = ?, refunded_fen = ?, updated_at = now() WHERE id = ?""", status, f.refundedFen(), c.orderId());
        } else if (facts instanceof OrderChange.InvoiceRequested f) {
            sql.update("""
                UPDATE purchase_order SET status = ?, invoice_title = ?, invoice_tax_number = ?,
                                          invoice_requested_at = ?, updated_at = now()
                WHERE id = ?""", status, f.title(), f.taxNumber(), f.requestedAt(), c.orderId());
        } else if (facts instanceof OrderChange.InvoiceIssued f) {
            sql.update("""
                UPDATE purchase_order SET status = ?, invoice_number = ?, invoice_issued_on = ?, updated_at = now()
                WHERE id = ?""", status, f.number(), f.issuedOn(), c.orderId());
        }
        history(c.orderId(), c.from(), c.to(), c.action(), actor, c.history());
    }

    List<OrderLineView> lines(long orderId) {
        return sql.list(
                """
                SELECT line_no, product_id, quantity, unit_price_fen, amount_fen, eligible, snapshot::text AS snapshot
                FROM order_line WHERE order_id = ? ORDER BY line_no""",
                rs -> {
                    LineSnapshot s = read(rs.getString("snapshot"), LineSnapshot.class);
                    return new OrderLineView(
                            rs.getInt("line_no"),
                            rs.getLong("product_id"),
                            s.name(),
                            s.unit(),
                            s.spec(),
                            rs.getInt("quantity"),
                            rs.getLong("unit_price_fen"),
                            rs.getLong("amount_fen"),
                            rs.getBoolean("eligible"),
                            s);
                },
                orderId);
    }

    void history(long orderId, OrderStatus from, OrderStatus to, String action, String actor, Map<String, ?> detail) {
        sql.update("""
                INSERT INTO order_history (order_id, from_status, to_status, action, actor, detail)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)""", orderId, from == null ? null : from.name(), to.name(), action, actor, write(detail));
    }

    /** The order awaits payment at least until {@code until} (a PENDING_PAYMENT order only). */
    void holdUntil(long id, Instant until) {
        sql.update("""
                UPDATE purchase_order SET expires_at = greatest(expires_at, ?), updated_at = now()
                WHERE id = ? AND status = 'PENDING_PAYMENT'""", until, id);
    }

    void outbox(OrderEvent e) {
        sql.update(
                """
                INSERT INTO order_event_outbox (event_id, event_type, order_id, buyer_organization_id, supplier_id,
                                                amount_fen, eligible_fen, occurred_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                e.eventId(),
                e.type().name(),
                e.orderId(),
                e.buyerOrganizationId(),
                e.supplierId(),
                e.amountFen(),
                e.eligibleFen(),
                e.occurredAt(),
                write(e));
    }

    /** Ids of unpaid orders whose payment time ran out by {@code now}, oldest first. */
    List<Long> overdue(Instant now, int limit) {
        return sql.list("""
                SELECT id FROM purchase_order WHERE status = 'PENDING_PAYMENT' AND expires_at <= ?
                ORDER BY expires_at, id LIMIT ?""", rs -> rs.getLong(1), now, limit);
    }

    /** Ids of CANCELLED orders that were paid and are not fully refunded, ascending after {@code afterId}. */
    List<Long> cancelledUnrefunded(long afterId, int limit) {
        return sql.list("""
                SELECT id FROM purchase_order WHERE status = 'CANCELLED' AND paid_at IS NOT NULL
                  AND refunded_fen < total_fen AND id > ? ORDER BY id LIMIT ?""", rs -> rs.getLong(1), afterId, limit);
    }

    /** Ids of DELIVERED orders delivered at or before {@code deliveredBy}, oldest delivery first. */
    List<Long> deliveredBy(Instant deliveredBy, int limit) {
        return sql.list("""
                SELECT id FROM purchase_order WHERE status = 'DELIVERED' AND delivered_at <= ?
                ORDER BY delivered_at, id LIMIT ?""", rs -> rs.getLong(1), deliveredBy, limit);
    }

    static Order order(ResultSet rs) throws SQLException {
        return new Order(
                rs.getLong("id"),
                rs.getObject("checkout_id", UUID.class),
                rs.getLong("buyer_organization_id"),
                rs.getLong("supplier_id"),
                Channel.valueOf(rs.getString("channel")),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getLong("total_fen"),
                rs.getLong("eligible_fen"),
                rs.getLong("refunded_fen"),
                Sql.instant(rs, "expires_at"),
                Sql.instant(rs, "paid_at"),
                rs.getString("payment_ref"),
                Sql.instant(rs, "delivered_at"),
                rs.getBoolean("requested"),
                rs.getBoolean("issued"),
                Sql.instant(rs, "created_at"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
