package cn.huinong.catalog.internal;

import cn.huinong.shared.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code product.sales_count} (and so the search document's {@code salesCount}) equal to the units sold in paid
 * orders, less refunds, following ordering's published event stream {@code order_event_outbox} from catalog's own
 * position ({@code catalog_event_consumer}, row {@value #CONSUMER}; ADR 15), like quota's ledger: locks the position
 * (consumers on several instances take turns), reads the next events in (tx_id, id) order among those of transactions
 * older than every running one (so that an event whose transaction commits late is never passed over), recounts the
 * products of the paid or refunded orders among them from {@code order_sales_facts}, writes the counts that changed,
 * refreshes those products' search documents (a new version and an outbox row, ADR 4) and moves the position, all in
 * one transaction. A recount reads the orders as they are, so a replayed event (position set back, a crash before
 * commit) changes nothing: at least once, idempotent.
 *
 * <p>The count of a product: over the lines of paid orders, {@code floor(quantity * (total - refunded) / total)}, a
 * refund taking units back in proportion to the money refunded of the line's order; a wholly refunded order counts 0.
 * The migration {@code V115__catalog_sales_counts.sql} counted the orders paid before it with the same expression.
 *
 * <p>Catalog may not use ordering's API (ordering uses catalog's): it reads only these two published read models, in
 * SQL, the one exception of {@code ArchitectureTest.SQL_READS}. Nothing is written to ordering's tables.
 */
@Singleton
class SalesCounts {

    private static final Logger LOG = LoggerFactory.getLogger(SalesCounts.class);

    static final String CONSUMER = "catalog-sales-counts";

    /** The events after which an order's lines in {@code order_sales_facts} count differently. */
    private static final String[] COUNTED_EVENTS = {"ORDER_PAID", "ORDER_REFUNDED"};

    /** One event of the stream: where it stands, and the order it is about if it changes the order's count. */
    record Event(long id, String txId, long orderId, boolean counted) {}

    /** Where the consumer stands: the last event it took, in (tx_id, id) order. */
    record Position(String txId, long lastId) {}

    /** A product's recounted units against the count it has. */
    record Count(long productId, long units, long before) {}

    /** What one batch did: events taken, products whose count changed. */
    record Batch(int events, int changed) {}

    private final Sql sql;
    private final SearchDocuments documents;

    SalesCounts(Sql sql, SearchDocuments documents) {
        this.sql = sql;
        this.documents = documents;
    }

    /** Consumes one batch of the events after the position; returns how many events it took (0: none waiting). */
    @Transactional
    public Batch consumeBatch(int batchSize) {
        // the position's row lock makes concurrent consumers take turns; the row is read again after the wait
        Position at = sql.one(
                        "SELECT last_tx_id::text AS tx, last_id FROM catalog_event_consumer WHERE name = ? FOR UPDATE",
                        rs -> new Position(rs.getString("tx"), rs.getLong("last_id")),
                        CONSUMER)
                .orElseThrow(() -> new IllegalStateException("catalog_event_consumer " + CONSUMER + " missing"));
        List<Event> batch = sql.list(
                """
                SELECT e.id, e.tx_id::text AS tx, e.order_id, e.event_type = ANY(?) AS counted
                FROM order_event_outbox e
                WHERE (e.tx_id, e.id) > (?::xid8, ?) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY e.tx_id, e.id
                LIMIT ?
                """,
                rs -> new Event(rs.getLong("id"), rs.getString("tx"), rs.getLong("order_id"), rs.getBoolean("counted")),
                COUNTED_EVENTS,
                at.txId(),
                at.lastId(),
                batchSize);
        if (batch.isEmpty()) {
            return new Batch(0, 0);
        }
        Set<Long> orders = new LinkedHashSet<>();
        for (Event e : batch) {
            if (e.counted()) {
                orders.add(e.orderId());
            }
        }
        int changed = orders.isEmpty() ? 0 : recount(orders.toArray(Long[]::new));
        Event last = batch.get(batch.size() - 1);
        sql.update(
                "UPDATE catalog_event_consumer SET last_tx_id = ?::xid8, last_id = ?, updated_at = now() WHERE name = ?",
                last.txId(),
                last.id(),
                CONSUMER);
        return new Batch(batch.size(), changed);
    }

    /** Consumes batches until none is left (or {@code maxEvents} were taken); returns how many events. */
    public int drain(int maxEvents) {
        int total = 0;
        int n;
        do {
            n = consumeBatch(Math.min(500, Math.max(1, maxEvents - total))).events();
            total += n;
        } while (n > 0 && total < maxEvents);
        return total;
    }

    /**
     * Recounts every product with a line in these orders over all its lines of paid orders; writes the counts that
     * changed, locking those products in id order (as few and always in the same order, so that product commands
     * and other recounts do not deadlock with it), then refreshes their search documents. Returns how many changed.
     */
    private int recount(Long[] orderIds) {
        List<Count> counts = sql.list(
                """
                SELECT p.id, p.sales_count, coalesce(s.units, 0) AS units
                FROM product p
                     JOIN (SELECT f.product_id,
                                  sum(CASE WHEN f.total_fen > 0
                                           THEN f.quantity::bigint * greatest(f.total_fen - f.refunded_fen, 0)
                                                / f.total_fen
                                           ELSE f.quantity END)::bigint AS units
                           FROM order_sales_facts f
                           WHERE f.product_id IN (SELECT a.product_id FROM order_sales_facts a WHERE a.order_id = ANY(?))
                           GROUP BY f.product_id) s ON s.product_id = p.id
                ORDER BY p.id
                """, rs -> new Count(rs.getLong("id"), rs.getLong("units"), rs.getLong("sales_count")), (Object)
                        orderIds);
        List<Count> changed = new ArrayList<>();
        for (Count c : counts) {
            if (c.units() != c.before()) {
                changed.add(c);
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        Long[] ids = changed.stream().map(Count::productId).toArray(Long[]::new);
        Long[] units = changed.stream().map(Count::units).toArray(Long[]::new);
        sql.list("SELECT id FROM product WHERE id = ANY(?) ORDER BY id FOR UPDATE", rs -> rs.getLong(1), (Object) ids);
        sql.update("""
                UPDATE product p SET sales_count = c.units
                FROM unnest(?::bigint[], ?::bigint[]) AS c(id, units)
                WHERE p.id = c.id
                """, ids, units);
        for (Count c : changed) {
            documents.refresh(c.productId());
        }
        LOG.debug("sales counts of {} products changed", changed.size());
        return changed.size();
    }
}
