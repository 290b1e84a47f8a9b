package cn.huinong.quota.internal;

import cn.huinong.quota.Canteen;
import cn.huinong.quota.QuotaFigures;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.RegionFigures;
import cn.huinong.quota.UnitFigures;
import cn.huinong.quota.UnitQuery;
import cn.huinong.quota.UnitStatus;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Monitoring's reads: approved BUYER organisations in a region-code range (index organization_buyer_region_idx)
 * LEFT JOIN their figures for the year. A summary is one GROUP BY; a unit list one page query plus one count.
 */
@Singleton
class FiguresQueries implements QuotaFigures {

    private static final String FIGURES = "LEFT JOIN quota_unit_figures f ON f.year = ? AND f.organization_id = o.id";
    /**
     * The same columns with counted_fen recomputed from the ledger up to a moment (two parameters before the year):
     * the unit's own money unless it is a SHARED member, plus its SHARED members' money (the attribution of
     * quota_unit_figures, ADR 8); a payment counts from its payment time, a refund from when it was made.
     */
    private static final String FIGURES_AS_OF = """
            LEFT JOIN LATERAL (
                SELECT f0.filed, f0.canteen, f0.late, f0.annual_fen, f0.reserved_fen, f0.representative_organization_id,
                       CASE WHEN f0.representative_organization_id IS NOT NULL THEN 0 ELSE
                           (SELECT coalesce(sum(l.eligible_fen), 0) FROM quota_ledger l
                            WHERE l.organization_id = o.id AND l.year = f0.year
                              AND (CASE WHEN l.event_type = 'ORDER_PAID' THEN l.paid_at ELSE l.occurred_at END) < ?)
                         + (SELECT coalesce(sum(l.eligible_fen), 0) FROM quota_unit_figures m
                            JOIN quota_ledger l ON l.organization_id = m.organization_id AND l.year = m.year
                            WHERE m.representative_organization_id = o.id AND m.year = f0.year
                              AND (CASE WHEN l.event_type = 'ORDER_PAID' THEN l.paid_at ELSE l.occurred_at END) < ?)
                       END AS counted_fen
                FROM quota_unit_figures f0 WHERE f0.year = ? AND f0.organization_id = o.id) f ON true""";

    private static final String LEDGER = "JOIN quota_ledger l ON l.year = ? AND l.organization_id = o.id";
    private static final String REGION = "LEFT JOIN region_directory r ON r.code = o.region_code";
    private static final String UNITS =
            " WHERE o.kind = 'BUYER' AND o.status = 'APPROVED' AND o.region_code BETWEEN ? AND ?";
    private static final String REACHED = "f.filed AND f.reserved_fen > 0 AND f.counted_fen >= f.reserved_fen";
    // behind the pace: counted x length-of-year < reserved x elapsed (the two parameters, in seconds)
    private static final String LAGGING =
            "f.filed AND f.reserved_fen > 0 AND f.counted_fen::numeric * ? " + "< f.reserved_fen::numeric * ?";

    private final Sql sql;
    private final QuotaRules rules;

    FiguresQueries(Sql sql, QuotaRules rules) {
        this.sql = sql;
        this.rules = rules;
    }

    /** The WHERE part of a query and its arguments, in order. */
    private record Where(String sql, List<Object> args) {}

    /** The figures of the query: as booked, or recomputed up to {@code moneyAsOf}. */
    private static String figures(UnitQuery q) {
        return q.moneyAsOf() == null ? FIGURES : FIGURES_AS_OF;
    }

    /** FROM organization_directory o + the joins, the WHERE of the query's units (+ the status filter). */
    private static Where where(UnitQuery q, boolean withFilter, String... joins) {
        List<Object> args = new ArrayList<>();
        if (List.of(joins).contains(FIGURES_AS_OF)) {
            args.add(q.moneyAsOf());
            args.add(q.moneyAsOf());
        }
        args.add(q.year());
        args.add((q.regionPrefix() + "000000").substring(0, 6));
        args.add((q.regionPrefix() + "999999").substring(0, 6));
        StringBuilder w = new StringBuilder(" FROM organization_directory o ")
                .append(String.join(" ", joins))
                .append(UNITS);
        if (q.supervisorId() != null) {
            w.append("""
                     AND o.id IN (WITH RECURSIVE sub AS (
                                      SELECT id FROM organization_directory WHERE parent_organization_id = ?
                                      UNION SELECT c.id FROM organization_directory c JOIN sub ON c.parent_organization_id = sub.id)
                                  SELECT id FROM sub)
                    """);
            args.add(q.supervisorId());
        }
        if (withFilter) {
            switch (q.filter()) {
                case NOT_FILED -> w.append(" AND f.filed IS NOT TRUE");
                case COMPLETED -> w.append(" AND ").append(REACHED);
                case LAGGING -> {
                    w.append(" AND ").append(LAGGING);
                    long[] e = QuotaRules.elapsedSeconds(q.year(), q.now());
                    args.add(e[1]);
                    args.add(e[0]);
                }
                case ALL -> {}
            }
        }
        return new Where(w.toString(), args);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegionFigures> grouped(UnitQuery q, int groupPrefixLength) {
        Where w = where(q, false, figures(q));
        long[] e = QuotaRules.elapsedSeconds(q.year(), q.now());
        List<Object> args = new ArrayList<>();
        args.add(groupPrefixLength);
        args.add(e[1]);
        args.add(e[0]);
        args.addAll(w.args());
        return sql.list(
                "SELECT substr(o.region_code, 1, ?) AS prefix, count(*) AS units,"
                        + " count(*) FILTER (WHERE f.filed) AS filed_units,"
                        + " coalesce(sum(f.reserved_fen), 0) AS reserved_fen,"
                        + " coalesce(sum(f.counted_fen), 0) AS counted_fen,"
                        + " count(*) FILTER (WHERE " + REACHED + ") AS completed_units,"
                        + " count(*) FILTER (WHERE " + LAGGING + ") AS lagging_units"
                        + w.sql() + " GROUP BY 1 ORDER BY 1",
                rs -> new RegionFigures(
                        rs.getString("prefix"),
                        rs.getLong("units"),
                        rs.getLong("filed_units"),
                        rs.getLong("reserved_fen"),
                        rs.getLong("counted_fen"),
                        rs.getLong("completed_units"),
                        rs.getLong("lagging_units")),
                args.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public long[] monthly(UnitQuery q) {
        long[] months = new long[12];
        if (q.supervisorId() == null) {
            // a region: the per-county monthly sums the ledger maintains (V53), at most counties x 12 rows
            sql.list(
                    """
                    SELECT month, sum(eligible_fen) AS fen FROM quota_region_month
                    WHERE year = ? AND region_code BETWEEN ? AND ? GROUP BY month
                    """,
                    rs -> {
                        months[rs.getInt("month") - 1] = rs.getLong("fen");
                        return null;
                    },
                    q.year(),
                    (q.regionPrefix() + "000000").substring(0, 6),
                    (q.regionPrefix() + "999999").substring(0, 6));
            return months;
        }
        // a supervising department's subtree: the same units, over the year's ledger rows
        Where w = where(q, false, LEDGER);
        sql.list(
                "SELECT extract(month FROM l.paid_at AT TIME ZONE 'Asia/Shanghai')::int AS month,"
                        + " sum(l.eligible_fen) AS fen" + w.sql() + " GROUP BY 1",
                rs -> {
                    months[rs.getInt("month") - 1] = rs.getLong("fen");
                    return null;
                },
                w.args().toArray());
        return months;
    }

    private static final String SELECT = """
            SELECT o.id, o.name, o.credit_code, o.region_code, r.name AS region_name, o.parent_organization_id,
                   coalesce(f.filed, false) AS filed, f.canteen, coalesce(f.late, false) AS late,
                   coalesce(f.annual_fen, 0) AS annual_fen, coalesce(f.reserved_fen, 0) AS reserved_fen,
                   coalesce(f.counted_fen, 0) AS counted_fen, f.representative_organization_id""";

    private static String order(UnitQuery q) {
        String rate = "(CASE WHEN f.filed AND f.reserved_fen > 0 THEN f.counted_fen::numeric / f.reserved_fen END)";
        return switch (q.sort()) {
            case COMPLETION_DESC -> " ORDER BY " + rate + " DESC NULLS LAST, o.id";
            case COMPLETION_ASC -> " ORDER BY " + rate + " ASC NULLS LAST, o.id";
            case REGION -> " ORDER BY o.region_code, o.id";
            case NAME -> " ORDER BY o.name, o.id";
        };
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<UnitFigures> units(UnitQuery q, PageQuery page) {
        Where w = where(q, true, figures(q), REGION);
        List<Object> args = new ArrayList<>(w.args());
        args.add(page.size());
        args.add(page.offset());
        List<UnitFigures> items = sql.list(
                SELECT + w.sql() + order(q) + " LIMIT ? OFFSET ?", rs -> unit(rs, q.year(), q.now()), args.toArray());
        Where counted = where(q, true, figures(q));
        long total = sql.count("SELECT count(*)" + counted.sql(), counted.args().toArray());
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachUnit(UnitQuery q, Consumer<UnitFigures> sink) {
        Where w = where(q, true, figures(q), REGION);
        sql.forEach(
                SELECT + w.sql() + order(q),
                rs -> unit(rs, q.year(), q.now()),
                sink,
                w.args().toArray());
    }

    private UnitFigures unit(ResultSet rs, int year, Instant now) throws SQLException {
        boolean filed = rs.getBoolean("filed");
        String c = rs.getString("canteen");
        Canteen canteen = filed && c != null ? Canteen.valueOf(c) : null;
        long reserved = rs.getLong("reserved_fen");
        long counted = rs.getLong("counted_fen");
        UnitStatus status;
        if (!filed) {
            status = UnitStatus.NOT_FILED;
        } else if (canteen == Canteen.NONE) {
            status = UnitStatus.NO_RESERVE;
        } else if (canteen == Canteen.SHARED) {
            status = UnitStatus.SHARED;
        } else if (reserved > 0 && counted >= reserved) {
            status = UnitStatus.COMPLETED;
        } else {
            status = QuotaRules.onPace(counted, reserved, year, now) ? UnitStatus.ON_PACE : UnitStatus.LAGGING;
        }
        return new UnitFigures(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("credit_code"),
                rs.getString("region_code"),
                rs.getString("region_name"),
                Sql.nullableLong(rs, "parent_organization_id"),
                filed,
                canteen,
                rs.getBoolean("late"),
                rs.getLong("annual_fen"),
                reserved,
                counted,
                filed ? QuotaRules.rate(counted, reserved) : null,
                status,
                Sql.nullableLong(rs, "representative_organization_id"),
                rules.deadline(rs.getString("region_code"), year));
    }
}
