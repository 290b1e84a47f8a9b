package cn.huinong.ordering.internal;

import cn.huinong.ordering.Channel;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * The views' queries (ADR 14), one statement per view, every value bound: the order page and the order lists. The
 * writes and the aggregate are {@link OrderStore}'s. Joins the caller's transaction.
 */
@Singleton
class OrderReadStore {

    private final Sql sql;
    private final ObjectMapper json;

    OrderReadStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /**
     * A page of orders as the filter says, newest first, without the parties' names (the identity module has them):
     * one statement for the count, one for the page, every value bound.
     */
    PageResponse<OrderSummary> summaries(OrderFilter f, PageQuery page) {
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
            f.namePattern()
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
              AND (NOT ?::boolean OR o.id::text = ? OR EXISTS (
                     SELECT 1 FROM organization_directory d
                     WHERE d.id IN (o.buyer_organization_id, o.supplier_id) AND d.name ILIKE ?))
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

    private <T> List<T> readList(String text, Class<T> type) {
        try {
            return json.readValue(text, Argument.listOf(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
