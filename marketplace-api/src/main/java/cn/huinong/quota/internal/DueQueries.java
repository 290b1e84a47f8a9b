package cn.huinong.quota.internal;

import cn.huinong.quota.DueQuery;
import cn.huinong.quota.DueUnit;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.ReminderReason;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The units due a reminder, in SQL: approved buyer units of the region range (index organization_buyer_region_idx)
 * LEFT JOIN their figures; the filing deadline is the province's (a CASE over the configured provinces of the year),
 * "behind the pace" the same comparison as monitoring's LAGGING list (counted x length < reserved x elapsed).
 */
@Singleton
class DueQueries {

    private final Sql sql;
    private final QuotaRules rules;

    DueQueries(Sql sql, QuotaRules rules) {
        this.sql = sql;
        this.rules = rules;
    }

    record Built(String sql, List<Object> args) {}

    /** The due units of the query (only those in {@code ids} when given) as a CTE named {@code due}. */
    Built due(DueQuery q, @Nullable Long[] ids) {
        List<Object> args = new ArrayList<>();
        StringBuilder whens = new StringBuilder();
        for (Map.Entry<String, Map<Integer, LocalDate>> e : rules.deadlines().entrySet()) {
            LocalDate d = e.getValue().get(q.year());
            if (!e.getKey().equals(QuotaRules.ANY_PROVINCE) && d != null) {
                whens.append(" WHEN ? THEN ?::date");
                args.add(e.getKey().substring(0, 2));
                args.add(d);
            }
        }
        // provinces with a date of their own this year, else the year's general date (no province 00)
        String deadline =
                whens.isEmpty() ? "?::date" : "(CASE substr(o.region_code, 1, 2)" + whens + " ELSE ?::date END)";
        args.add(rules.deadline("000000", q.year()));
        LocalDate today = q.now().atZone(QuotaRules.ZONE).toLocalDate();
        long[] e = QuotaRules.elapsedSeconds(q.year(), q.now());
        StringBuilder s = new StringBuilder("WITH u AS (SELECT o.id, o.name, o.credit_code, o.region_code,"
                        + " r.name AS region_name, coalesce(f.filed, false) AS filed, coalesce(f.reserved_fen, 0) AS reserved_fen,"
                        + " coalesce(f.counted_fen, 0) AS counted_fen, ")
                .append(deadline)
                .append(" AS deadline"
                        + " FROM organization_directory o LEFT JOIN quota_unit_figures f ON f.year = ? AND f.organization_id = o.id"
                        + " LEFT JOIN region_directory r ON r.code = o.region_code"
                        + " WHERE o.kind = 'BUYER' AND o.status = 'APPROVED' AND o.region_code BETWEEN ? AND ?");
        args.add(q.year());
        args.add((q.regionPrefix() + "000000").substring(0, 6));
        args.add((q.regionPrefix() + "999999").substring(0, 6));
        if (q.supervisorId() != null) {
            s.append(
                    " AND o.id IN (WITH RECURSIVE sub AS (SELECT id FROM organization_directory WHERE parent_organization_id = ?"
                            + " UNION SELECT c.id FROM organization_directory c JOIN sub ON c.parent_organization_id = sub.id)"
                            + " SELECT id FROM sub)");
            args.add(q.supervisorId());
        }
        if (ids != null) {
            s.append(" AND o.id = ANY(?)");
            args.add(ids);
        }
        s.append("), due AS (SELECT u.*, (u.deadline - ?::date) AS days_left,"
                + " CASE WHEN u.filed THEN ceil(u.reserved_fen::numeric * ? / ?)::bigint ELSE 0 END AS expected_fen"
                + " FROM u WHERE ");
        args.add(today);
        args.add(e[0]);
        args.add(e[1]);
        String notFiled = "(NOT u.filed AND u.deadline - ?::date <= ?)";
        String behind = "(u.filed AND u.reserved_fen > 0 AND u.counted_fen::numeric * ? < u.reserved_fen::numeric * ?)";
        switch (q.filter()) {
            case NOT_FILED -> {
                s.append(notFiled);
                args.add(today);
                args.add(q.withinDays());
            }
            case BEHIND_PACE -> {
                s.append(behind);
                args.add(e[1]);
                args.add(e[0]);
            }
            case ALL -> {
                s.append(notFiled).append(" OR ").append(behind);
                args.add(today);
                args.add(q.withinDays());
                args.add(e[1]);
                args.add(e[0]);
            }
        }
        s.append(")");
        return new Built(s.toString(), args);
    }

    private static final String SELECT = " SELECT due.*, greatest(due.expected_fen - due.counted_fen, 0) AS gap_fen,"
            + " (SELECT max(m.sent_at) FROM quota_reminder m WHERE m.organization_id = due.id AND m.year = ?)"
            + " AS last_reminded_at,"
            + " (SELECT count(*) FROM quota_reminder m WHERE m.organization_id = due.id AND m.year = ?) AS reminders"
            + " FROM due";

    private static String order(DueQuery q) {
        String rate =
                "(CASE WHEN due.filed AND due.reserved_fen > 0 THEN due.counted_fen::numeric / due.reserved_fen END)";
        String gap = "greatest(due.expected_fen - due.counted_fen, 0)";
        return switch (q.sort()) {
            case URGENCY -> " ORDER BY due.filed, due.days_left, " + gap + " DESC, due.id";
            case GAP_DESC -> " ORDER BY " + gap + " DESC, due.id";
            case COMPLETION_ASC -> " ORDER BY " + rate + " ASC NULLS FIRST, due.id";
            case REGION -> " ORDER BY due.region_code, due.id";
            case NAME -> " ORDER BY due.name, due.id";
        };
    }

    List<DueUnit> page(DueQuery q, @Nullable Long[] ids, int limit, long offset) {
        Built b = due(q, ids);
        List<Object> args = new ArrayList<>(b.args());
        args.add(q.year());
        args.add(q.year());
        args.add(limit);
        args.add(offset);
        return sql.list(b.sql() + SELECT + order(q) + " LIMIT ? OFFSET ?", DueQueries::unit, args.toArray());
    }

    long count(DueQuery q) {
        Built b = due(q, null);
        return sql.count(b.sql() + " SELECT count(*) FROM due", b.args().toArray());
    }

    void forEach(DueQuery q, Consumer<DueUnit> sink) {
        Built b = due(q, null);
        List<Object> args = new ArrayList<>(b.args());
        args.add(q.year());
        args.add(q.year());
        sql.forEach(b.sql() + SELECT + order(q), DueQueries::unit, sink, args.toArray());
    }

    /** Of {@code ids}, those that are approved buyer units within the query's region and supervising subtree. */
    List<Long> inScope(DueQuery q, Long[] ids) {
        List<Object> args = new ArrayList<>();
        StringBuilder s = new StringBuilder("SELECT o.id FROM organization_directory o WHERE o.kind = 'BUYER'"
                + " AND o.status = 'APPROVED' AND o.region_code BETWEEN ? AND ? AND o.id = ANY(?)");
        args.add((q.regionPrefix() + "000000").substring(0, 6));
        args.add((q.regionPrefix() + "999999").substring(0, 6));
        args.add(ids);
        if (q.supervisorId() != null) {
            s.append(
                    " AND o.id IN (WITH RECURSIVE sub AS (SELECT id FROM organization_directory WHERE parent_organization_id = ?"
                            + " UNION SELECT c.id FROM organization_directory c JOIN sub ON c.parent_organization_id = sub.id)"
                            + " SELECT id FROM sub)");
            args.add(q.supervisorId());
        }
        return sql.list(s.toString(), rs -> rs.getLong(1), args.toArray());
    }

    private static DueUnit unit(ResultSet rs) throws SQLException {
        boolean filed = rs.getBoolean("filed");
        int daysLeft = rs.getInt("days_left");
        long reserved = rs.getLong("reserved_fen");
        long counted = rs.getLong("counted_fen");
        return new DueUnit(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("credit_code"),
                rs.getString("region_code"),
                rs.getString("region_name"),
                filed ? ReminderReason.BEHIND_PACE : ReminderReason.NOT_FILED,
                Sql.date(rs, "deadline"),
                daysLeft,
                daysLeft < 0,
                reserved,
                counted,
                rs.getLong("expected_fen"),
                rs.getLong("gap_fen"),
                filed ? QuotaRules.rate(counted, reserved) : null,
                Sql.instant(rs, "last_reminded_at"),
                rs.getLong("reminders"));
    }
}
