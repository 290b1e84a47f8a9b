package cn.huinong.ordering.internal;

import cn.huinong.shared.jdbc.Sql;
import cn.huinong.ordering.Channel;
import cn.huinong.ordering.LineSnapshot;
import cn.huinong.ordering.OrderEvent;
import cn.huinong.ordering.OrderLineView;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OrderSummary;
import cn.huinong.ordering.OrderView;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for orders, their lines, history and outbox; joins the caller's transaction. */
@Singleton
class OrderStore {

    private final Sql sql;
    private final ObjectMapper json;

    OrderStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    long insert(UUID checkoutId, long buyerOrganizationId, String buyerUsername, long supplierId, Channel channel,
                long totalFen, long eligibleFen, String deliveryAddress, Instant expiresAt) {
        return sql.one("""
                INSERT INTO purchase_order (checkout_id, buyer_organization_id, buyer_username, supplier_id, channel,
                                            status, total_fen, eligible_fen, delivery_address, expires_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING_PAYMENT', ?, ?, ?, ?) RETURNING id""", rs -> rs.getLong(1),
                checkoutId, buyerOrganizationId, buyerUsername, supplierId, channel.name(), totalFen, eligibleFen,
                deliveryAddress, expiresAt).orElseThrow();
    }

    void insertLine(long orderId, OrderLineView line) {
        sql.update("""
                INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price_fen, amount_fen, eligible,
                                        snapshot)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", orderId, line.lineNo(), line.productId(), line.quantity(),
                line.unitPriceFen(), line.amountFen(), line.eligible(), write(line.snapshot()));
    }

    Optional<OrderRow> find(long id) {
        return sql.one("SELECT * FROM purchase_order WHERE id = ?", OrderStore::map, id);
    }

    Optional<OrderRow> lock(long id) {
        return sql.one("SELECT * FROM purchase_order WHERE id = ? FOR UPDATE", OrderStore::map, id);
    }

    long refundedFen(long id) {
        return sql.one("SELECT refunded_fen FROM purchase_order WHERE id = ?", rs -> rs.getLong(1), id).orElse(0L);
    }

    /** Sets the columns given (name -> value) with the status, updated_at = now(). */
    void update(long id, OrderStatus status, Map<String, Object> columns) {
        StringBuilder set = new StringBuilder("status = ?, updated_at = now()");
        List<Object> args = new ArrayList<>();
        args.add(status.name());
        columns.forEach((column, value) -> {
            set.append(", ").append(column).append(" = ?");
            args.add(value);
        });
        args.add(id);
        sql.update("UPDATE purchase_order SET " + set + " WHERE id = ?", args.toArray());
    }

    List<OrderLineView> lines(long orderId) {
        return sql.list("""
                SELECT line_no, product_id, quantity, unit_price_fen, amount_fen, eligible, snapshot::text AS snapshot
                FROM order_line WHERE order_id = ? ORDER BY line_no""", rs -> {
            LineSnapshot s = read(rs.getString("snapshot"), LineSnapshot.class);
            return new OrderLineView(rs.getInt("line_no"), rs.getLong("product_id"), s.name(), s.unit(), s.spec(),
                    rs.getInt("quantity"), rs.getLong("unit_price_fen"), rs.getLong("amount_fen"),
                    rs.getBoolean("eligible"), s);
        }, orderId);
    }

    void history(long orderId, OrderStatus from, OrderStatus to, String action, String actor, Map<String, ?> detail) {
        sql.update("""
                INSERT INTO order_history (order_id, from_status, to_status, action, actor, detail)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)""", orderId, from == null ? null : from.name(), to.name(), action, actor,
                write(detail));
    }

    List<OrderView.HistoryEntry> history(long orderId) {
        return sql.list("SELECT * FROM order_history WHERE order_id = ? ORDER BY id", rs -> {
            String from = rs.getString("from_status");
            return new OrderView.HistoryEntry(from == null ? null : OrderStatus.valueOf(from),
                    OrderStatus.valueOf(rs.getString("to_status")), rs.getString("action"), rs.getString("actor"),
                    Sql.instant(rs, "at"));
        }, orderId);
    }

    /** The order awaits payment at least until {@code until} (a PENDING_PAYMENT order only). */
    void holdUntil(long id, Instant until) {
        sql.update("""
                UPDATE purchase_order SET expires_at = greatest(expires_at, ?), updated_at = now()
                WHERE id = ? AND status = 'PENDING_PAYMENT'""", until, id);
    }

    void outbox(OrderEvent e) {
        sql.update("""
                INSERT INTO order_event_outbox (event_id, event_type, order_id, buyer_organization_id, supplier_id,
                                                amount_fen, eligible_fen, occurred_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", e.eventId(), e.type().name(), e.orderId(),
                e.buyerOrganizationId(), e.supplierId(), e.amountFen(), e.eligibleFen(), e.occurredAt(), write(e));
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

    PageResponse<OrderSummary> summaries(String where, PageQuery page, Object... args) {
        String from = """
                FROM purchase_order o JOIN organization s ON s.id = o.supplier_id
                JOIN organization b ON b.id = o.buyer_organization_id\s""";
        long total = sql.count("SELECT count(*) " + from + where, args);
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(page.size());
        all.add(page.offset());
        List<OrderSummary> items = sql.list("""
                SELECT o.*, s.name AS supplier_name, b.name AS buyer_name,
                       (SELECT count(*) FROM order_line l WHERE l.order_id = o.id) AS line_count
                """ + from + where
                + " ORDER BY o.id DESC LIMIT ? OFFSET ?", rs -> {
            OrderRow r = map(rs);
            return new OrderSummary(r.id(), r.checkoutId(), r.buyerOrganizationId(), rs.getString("buyer_name"),
                    r.supplierId(), rs.getString("supplier_name"), r.channel(), r.status(), r.status().label(), r.totalFen(),
                    r.eligibleFen(), rs.getInt("line_count"), r.createdAt(), r.paidAt());
        }, all.toArray());
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    String organizationName(long id) {
        return sql.one("SELECT name FROM organization WHERE id = ?", rs -> rs.getString(1), id).orElse("");
    }

    static OrderRow map(ResultSet rs) throws SQLException {
        Object rating = rs.getObject("rating");
        return new OrderRow(rs.getLong("id"), rs.getObject("checkout_id", UUID.class), rs.getLong("buyer_organization_id"),
                rs.getString("buyer_username"), rs.getLong("supplier_id"), Channel.valueOf(rs.getString("channel")),
                OrderStatus.valueOf(rs.getString("status")), rs.getLong("total_fen"), rs.getLong("eligible_fen"),
                rs.getString("delivery_address"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "paid_at"),
                rs.getString("payment_ref"), rs.getString("carrier"), rs.getString("tracking_number"),
                Sql.instant(rs, "shipped_at"), Sql.instant(rs, "delivered_at"), Sql.instant(rs, "accepted_at"),
                rating == null ? null : ((Number) rating).intValue(), rs.getString("acceptance_comment"),
                Sql.instant(rs, "cancelled_at"), rs.getString("cancel_reason"), rs.getString("invoice_title"),
                rs.getString("invoice_tax_number"), Sql.instant(rs, "invoice_requested_at"),
                rs.getString("invoice_number"), Sql.date(rs, "invoice_issued_on"), Sql.instant(rs, "created_at"));
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
