package cn.huinong.ordering.internal;

import cn.huinong.ordering.Channel;
import cn.huinong.ordering.LineSnapshot;
import cn.huinong.ordering.OrderEvent;
import cn.huinong.ordering.OrderLineView;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OrderSummary;
import cn.huinong.ordering.OrderView;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

/** SQL for orders, their lines, history and outbox; joins the caller's transaction. */
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

    List<OrderView.HistoryEntry> history(long orderId) {
        return sql.list(
                "SELECT * FROM order_history WHERE order_id = ? ORDER BY id",
                rs -> {
                    String from = rs.getString("from_status");
                    return new OrderView.HistoryEntry(
                            from == null ? null : OrderStatus.valueOf(from),
                            OrderStatus.valueOf(rs.getString("to_status")),
                            rs.getString("action"),
                            rs.getString("actor"),
                            Sql.instant(rs, "at"));
                },
                orderId);
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

    /**
     * A page of orders as the filter says, newest first, without the parties' names (the identity module has them):
     * one statement for the count, one for the page, every value bound.
     */
    PageResponse<OrderSummary> summaries(OrderFilter f, PageQuery page) {
        Long[] parties = f.partyIds() == null ? new Long[0] : f.partyIds().toArray(Long[]::new);
        String status = f.status() == null ? null : f.status().name();
        Object[] args = {
            f.buyerOrganizationId(),
            f.buyerOrganizationId(),
            f.supplierId(),
            f.supplierId(),
            status,
            status,
            f.searching(),
            f.number(),
            parties,
            parties
        };
        long total = sql.count("SELECT count(*) FROM purchase_order o " + FILTER, args);
        List<Object> all = new ArrayList<>(Arrays.asList(args));
        all.add(page.size());
        all.add(page.offset());
        List<OrderSummary> items = sql.list(
                """
                SELECT o.id, o.checkout_id, o.buyer_organization_id, o.supplier_id, o.channel, o.status, o.total_fen,
                       o.eligible_fen, o.created_at, o.paid_at,
                       (SELECT count(*) FROM order_line l WHERE l.order_id = o.id) AS line_count
                FROM purchase_order o
                """ + FILTER + " ORDER BY o.id DESC LIMIT ? OFFSET ?",
                rs -> {
                    OrderStatus s = OrderStatus.valueOf(rs.getString("status"));
                    return new OrderSummary(
                            rs.getLong("id"),
                            rs.getObject("checkout_id", UUID.class),
                            rs.getLong("buyer_organization_id"),
                            "",
                            rs.getLong("supplier_id"),
                            "",
                            Channel.valueOf(rs.getString("channel")),
                            s,
                            s.label(),
                            rs.getLong("total_fen"),
                            rs.getLong("eligible_fen"),
                            rs.getInt("line_count"),
                            Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "paid_at"));
                },
                all.toArray());
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** {@link OrderFilter} as one WHERE clause: a null value leaves its condition out. */
    private static final String FILTER = """
            WHERE (?::bigint IS NULL OR o.buyer_organization_id = ?)
              AND (?::bigint IS NULL OR o.supplier_id = ?)
              AND (?::text IS NULL OR o.status = ?)
              AND (NOT ?::boolean OR o.id::text = ? OR o.buyer_organization_id = ANY(?)
                   OR o.supplier_id = ANY(?))
            """;

    /**
     * An order as {@code GET /orders/{id}} shows it (payments aside), in one statement: the order, its lines and its
     * history; {@code names} gives the supplier's name.
     */
    Optional<OrderView> view(long id, LongFunction<String> names) {
        return sql.one(
                """
                SELECT o.*,
                       (SELECT coalesce(json_agg(json_build_object('lineNo', l.line_no, 'productId', l.product_id,
                                   'name', l.snapshot->>'name', 'unit', l.snapshot->>'unit',
                                   'spec', l.snapshot->>'spec', 'quantity', l.quantity,
                                   'unitPriceFen', l.unit_price_fen, 'amountFen', l.amount_fen,
                                   'eligible', l.eligible, 'snapshot', l.snapshot) ORDER BY l.line_no), '[]')::text
                        FROM order_line l WHERE l.order_id = o.id) AS lines,
                       (SELECT coalesce(json_agg(json_build_object('fromStatus', h.from_status,
                                   'toStatus', h.to_status, 'action', h.action, 'actor', h.actor,
                                   'at', to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                                   ORDER BY h.id), '[]')::text
                        FROM order_history h WHERE h.order_id = o.id) AS history
                FROM purchase_order o WHERE o.id = ?""",
                rs -> {
                    Object rating = rs.getObject("rating");
                    Instant shippedAt = Sql.instant(rs, "shipped_at");
                    Instant acceptedAt = Sql.instant(rs, "accepted_at");
                    OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
                    long supplierId = rs.getLong("supplier_id");
                    return new OrderView(
                            rs.getLong("id"),
                            rs.getObject("checkout_id", UUID.class),
                            rs.getLong("buyer_organization_id"),
                            rs.getString("buyer_username"),
                            supplierId,
                            names.apply(supplierId),
                            Channel.valueOf(rs.getString("channel")),
                            status,
                            status.label(),
                            rs.getLong("total_fen"),
                            rs.getLong("eligible_fen"),
                            rs.getLong("refunded_fen"),
                            rs.getString("delivery_address"),
                            Sql.instant(rs, "expires_at"),
                            Sql.instant(rs, "paid_at"),
                            shippedAt == null
                                    ? null
                                    : new OrderView.Shipment(
                                            rs.getString("carrier"), rs.getString("tracking_number"), shippedAt),
                            Sql.instant(rs, "delivered_at"),
                            acceptedAt == null
                                    ? null
                                    : new OrderView.Acceptance(
                                            acceptedAt,
                                            rating == null ? null : ((Number) rating).intValue(),
                                            rs.getString("acceptance_comment")),
                            Sql.instant(rs, "cancelled_at"),
                            rs.getString("cancel_reason"),
                            new OrderView.Invoice(
                                    rs.getString("invoice_title"),
                                    rs.getString("invoice_tax_number"),
                                    Sql.instant(rs, "invoice_requested_at"),
                                    rs.getString("invoice_number"),
                                    Sql.date(rs, "invoice_issued_on")),
                            readList(rs.getString("lines"), OrderLineView.class),
                            List.of(),
                            readList(rs.getString("history"), OrderView.HistoryEntry.class),
                            Sql.instant(rs, "created_at"));
                },
                id);
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

    private <T> List<T> readList(String text, Class<T> type) {
        try {
            return json.readValue(text, Argument.listOf(type));
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
