package cn.huinong.monitoring.internal;

import cn.huinong.monitoring.SlowProduct;
import cn.huinong.monitoring.SlowProductQuery;
import cn.huinong.monitoring.SupplySide;
import cn.huinong.quota.QuotaRules;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The supply side of a region, read with plain SQL from the read models other modules publish (ADR 15): ordering's
 * {@code order_sales_facts} (the lines of paid orders; the line's frozen snapshot says where the product came from,
 * its category, brand and supplier at the time of the order), catalog's {@code catalog_product_directory} (what is
 * listed now), identity's {@code organization_directory} and region's {@code region_directory}. The figures are
 * aggregations over millions of lines that no facade call per order could give; nothing here writes. Every figure is
 * one SQL statement.
 */
@Singleton
class SupplyQueries {

    /** A line's money after its share of the order's refunds: all of it when the whole order was refunded. */
    private static final String LINES = """
            WITH lines AS (
                SELECT l.order_id, l.quantity, l.amount_fen AS paid_fen, l.eligible,
                       l.amount_fen - CASE WHEN l.refunded_fen >= l.total_fen THEN l.amount_fen
                                           ELSE l.amount_fen * l.refunded_fen / l.total_fen END AS net_fen,
                       l.snapshot->'origin'->>'code' AS county, l.snapshot->'origin'->>'name' AS county_name,
                       l.snapshot->>'categoryCode' AS category, l.snapshot->>'categoryName' AS category_name,
                       l.snapshot->'brand'->>'id' AS brand, l.snapshot->'brand'->>'name' AS brand_name,
                       (l.snapshot->>'supplierId') AS supplier, l.snapshot->>'supplierName' AS supplier_name,
                       l.product_id::text AS product, l.snapshot->>'name' AS product_name
                FROM order_sales_facts l
                WHERE l.paid_at >= ? AND l.paid_at < ? AND l.snapshot->'origin'->>'code' LIKE ?
            )
            """;

    private final Sql sql;

    SupplyQueries(Sql sql) {
        this.sql = sql;
    }

    record Supply(SupplySide.Sales totals, Map<String, SupplySide.Grouping> groupings) {}

    /**
     * One statement: GROUPING SETS for the total and the five groupings, ranked per grouping by what was sold
     * after refunds, cut at {@code top} rows each in the database.
     */
    @Transactional(readOnly = true)
    Supply supply(int year, String originPrefix, int top) {
        record Row(String dim, String key, String name, long groups, SupplySide.Entry entry) {}
        List<Row> rows = sql.list(
                LINES + """
                , grouped AS (
                    SELECT CASE WHEN GROUPING(county) = 0 THEN 'COUNTY' WHEN GROUPING(category) = 0 THEN 'CATEGORY'
                                WHEN GROUPING(brand) = 0 THEN 'BRAND' WHEN GROUPING(supplier) = 0 THEN 'SUPPLIER'
                                WHEN GROUPING(product) = 0 THEN 'PRODUCT' ELSE 'TOTAL' END AS dim,
                           coalesce(county, category, brand, supplier, product) AS key,
                           CASE WHEN GROUPING(county) = 0 THEN max(county_name)
                                WHEN GROUPING(category) = 0 THEN max(category_name)
                                WHEN GROUPING(brand) = 0 THEN coalesce(max(brand_name), '无品牌')
                                WHEN GROUPING(supplier) = 0 THEN max(supplier_name)
                                WHEN GROUPING(product) = 0 THEN max(product_name) ELSE '合计' END AS name,
                           sum(paid_fen) AS paid_fen, sum(paid_fen - net_fen) AS refunded_fen, sum(net_fen) AS net_fen,
                           sum(CASE WHEN eligible THEN net_fen ELSE 0 END) AS eligible_fen,
                           count(DISTINCT order_id) AS orders, sum(quantity) AS quantity
                    FROM lines
                    GROUP BY GROUPING SETS ((county), (category), (brand), (supplier), (product), ())
                ), ranked AS (
                    SELECT g.*, row_number() OVER (PARTITION BY dim ORDER BY net_fen DESC, key) AS pos,
                           count(*) OVER (PARTITION BY dim) AS groups
                    FROM grouped g
                )
                SELECT * FROM ranked WHERE pos <= ? ORDER BY dim, pos
                """,
                rs -> new Row(
                        rs.getString("dim"),
                        rs.getString("key"),
                        rs.getString("name"),
                        rs.getLong("groups"),
                        new SupplySide.Entry(
                                rs.getString("key"),
                                rs.getString("name"),
                                rs.getLong("paid_fen"),
                                rs.getLong("refunded_fen"),
                                rs.getLong("net_fen"),
                                rs.getLong("eligible_fen"),
                                rs.getLong("orders"),
                                rs.getLong("quantity"))),
                QuotaRules.startOf(year),
                QuotaRules.startOf(year + 1),
                originPrefix + "%",
                top);
        SupplySide.Sales totals = new SupplySide.Sales(0, 0, 0, 0, 0, 0);
        Map<String, List<SupplySide.Entry>> items = new LinkedHashMap<>();
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String dim : List.of("COUNTY", "CATEGORY", "BRAND", "SUPPLIER", "PRODUCT")) {
            items.put(dim, new ArrayList<>());
            groups.put(dim, 0L);
        }
        for (Row r : rows) {
            if (r.dim().equals("TOTAL")) {
                SupplySide.Entry e = r.entry();
                totals = new SupplySide.Sales(
                        e.paidFen(), e.refundedFen(), e.totalFen(), e.eligibleFen(), e.orders(), e.quantity());
            } else {
                items.get(r.dim()).add(r.entry());
                groups.put(r.dim(), r.groups());
            }
        }
        Map<String, SupplySide.Grouping> out = new LinkedHashMap<>();
        items.forEach((dim, list) -> out.put(dim, new SupplySide.Grouping(groups.get(dim), List.copyOf(list))));
        return new Supply(totals, out);
    }

    /** Listed products of the region (listed before the window) without a paid, not wholly refunded line since. */
    private static final String SLOW = """
            FROM catalog_product_directory p
                 JOIN organization_directory s ON s.id = p.supplier_id
                 LEFT JOIN region_directory r ON r.code = p.origin_region_code
                 LEFT JOIN LATERAL (
                     SELECT max(l.paid_at) AS last_sold_at
                     FROM order_sales_facts l
                     WHERE l.product_id = p.id AND l.refunded_fen < l.total_fen
                 ) sold ON true
            WHERE p.status = 'LISTED' AND p.origin_region_code LIKE ? AND p.listed_at < ?
              AND (sold.last_sold_at IS NULL OR sold.last_sold_at < ?)
            """;

    private static final String SLOW_SELECT = """
            SELECT p.id, p.name, p.supplier_id, s.name AS supplier_name, p.origin_region_code, r.name AS origin_name,
                   p.category_name, p.price_fen, p.stock, p.listed_at, sold.last_sold_at
            """;
    private static final String SLOW_ORDER = " ORDER BY sold.last_sold_at ASC NULLS FIRST, p.listed_at, p.id";

    @Transactional(readOnly = true)
    long slowCount(SlowProductQuery q) {
        return sql.count("SELECT count(*) " + SLOW, slowArgs(q));
    }

    @Transactional(readOnly = true)
    List<SlowProduct> slowPage(SlowProductQuery q, PageQuery page) {
        Object[] args = slowArgs(q);
        Object[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = page.size();
        all[args.length + 1] = page.offset();
        return sql.list(SLOW_SELECT + SLOW + SLOW_ORDER + " LIMIT ? OFFSET ?", rs -> slow(rs, q.now()), all);
    }

    /** Every slow product of the query from a cursor, in one read-only transaction (constant memory). */
    @Transactional(readOnly = true)
    void forEachSlow(SlowProductQuery q, Consumer<SlowProduct> sink) {
        sql.forEach(SLOW_SELECT + SLOW + SLOW_ORDER, rs -> slow(rs, q.now()), sink, slowArgs(q));
    }

    private static Object[] slowArgs(SlowProductQuery q) {
        Instant since = q.now().minus(Duration.ofDays(q.days()));
        return new Object[] {q.regionPrefix() + "%", since, since};
    }

    private static SlowProduct slow(ResultSet rs, Instant now) throws SQLException {
        Instant last = Sql.instant(rs, "last_sold_at");
        return new SlowProduct(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("supplier_id"),
                rs.getString("supplier_name"),
                rs.getString("origin_region_code"),
                rs.getString("origin_name"),
                rs.getString("category_name"),
                rs.getLong("price_fen"),
                rs.getInt("stock"),
                Sql.instant(rs, "listed_at"),
                last,
                last == null ? null : Duration.between(last, now).toDays());
    }
}
