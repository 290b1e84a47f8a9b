package cn.huinong.quota.internal;

import cn.huinong.quota.Canteen;
import cn.huinong.quota.ReminderReason;
import cn.huinong.quota.RepresentativeCandidate;
import cn.huinong.quota.UnitReminders;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for reminders sent and read, a unit's latest ratio exception, representative candidates; joins the caller's transaction. */
@Singleton
class ReminderStore {

    /** One reminder to write: the unit, why, its message, and the days left (NOT_FILED) or the gap (BEHIND_PACE). */
    record Outgoing(long organizationId, ReminderReason reason, String message, Long daysLeft, Long gapFen) {}

    /** A unit's latest ratio exception of a year: its status, ratio and the decision's reason. */
    record LatestException(String status, int ratioBasisPoints, String decisionReason) {}

    private static final String MESSAGE = """
            SELECT m.*, s.name AS sender_name FROM quota_reminder m
            LEFT JOIN organization_directory s ON s.id = m.sender_organization_id
            """;

    private final Sql sql;

    ReminderStore(Sql sql) {
        this.sql = sql;
    }

    /** Writes the reminders, one per unit, year and day; answers the units that got one (not reminded today yet). */
    List<Long> send(
            int year,
            List<Outgoing> reminders,
            Long senderOrganizationId,
            String sentBy,
            LocalDate today,
            Instant now) {
        if (reminders.isEmpty()) {
            return List.of();
        }
        int n = reminders.size();
        Long[] unitIds = new Long[n];
        String[] reasons = new String[n];
        String[] messages = new String[n];
        Long[] daysLeft = new Long[n];
        Long[] gaps = new Long[n];
        for (int i = 0; i < n; i++) {
            Outgoing r = reminders.get(i);
            unitIds[i] = r.organizationId();
            reasons[i] = r.reason().name();
            messages[i] = r.message();
            daysLeft[i] = r.daysLeft();
            gaps[i] = r.gapFen();
        }
        return sql.list(
                """
                INSERT INTO quota_reminder (organization_id, year, reason, message, days_left, gap_fen,
                                            sender_organization_id, sent_by, sent_on, sent_at)
                SELECT t.id, ?, t.reason, t.message, t.days_left::int, t.gap, ?, ?, ?, ?
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS t(id, reason, message,
                                                                                           days_left, gap)
                ON CONFLICT (organization_id, year, sent_on) DO NOTHING
                RETURNING organization_id
                """,
                rs -> rs.getLong(1),
                year,
                senderOrganizationId,
                sentBy,
                today,
                now,
                unitIds,
                reasons,
                messages,
                daysLeft,
                gaps);
    }

    /** The unit's latest 50 reminders of the year, newest first. */
    List<UnitReminders.Message> messages(long unitId, int year) {
        return sql.list(
                MESSAGE + "WHERE m.organization_id = ? AND m.year = ? ORDER BY m.sent_at DESC, m.id DESC LIMIT 50",
                ReminderStore::message,
                unitId,
                year);
    }

    long unread(long unitId, int year) {
        return sql.count(
                "SELECT count(*) FROM quota_reminder WHERE organization_id = ? AND year = ?" + " AND read_at IS NULL",
                unitId,
                year);
    }

    /** Marks the unit's reminder read (once); answers how many rows changed. */
    int markRead(long id, long unitId, String username) {
        return sql.update(
                "UPDATE quota_reminder SET read_at = now(), read_by = ? WHERE id = ?"
                        + " AND organization_id = ? AND read_at IS NULL",
                username,
                id,
                unitId);
    }

    Optional<UnitReminders.Message> message(long id, long unitId) {
        return sql.one(MESSAGE + "WHERE m.id = ? AND m.organization_id = ?", ReminderStore::message, id, unitId);
    }

    Optional<LatestException> latestException(long unitId, int year) {
        return sql.one(
                """
                SELECT status, ratio_basis_points, decision_reason FROM quota_ratio_exception
                WHERE organization_id = ? AND year = ? ORDER BY id DESC LIMIT 1
                """,
                rs -> new LatestException(
                        rs.getString("status"), rs.getInt("ratio_basis_points"), rs.getString("decision_reason")),
                unitId,
                year);
    }

    /**
     * Units that may represent a unit's shared canteen (ADR 11): approved buyers of the same county ({@code code})
     * filing an own canteen for the year, not the unit itself; {@code term} (blank: all) matches a part of the name
     * ({@code like}), a whole credit code or the id.
     */
    PageResponse<RepresentativeCandidate> candidates(
            int year, long unitId, String code, String term, String like, PageQuery page) {
        String where = """
                 FROM organization_directory o
                JOIN quota_plan p ON p.organization_id = o.id AND p.year = ? AND p.canteen = 'OWN'
                WHERE o.kind = 'BUYER' AND o.status = 'APPROVED' AND o.id <> ? AND o.region_code = ?
                  AND (? = '' OR o.name ILIKE ? OR o.credit_code = upper(?) OR o.id::text = ?)
                """;
        Object[] args = {year, unitId, code, term, like, term, term};
        List<Object> pageArgs = new ArrayList<>(List.of(args));
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<RepresentativeCandidate> items = sql.list(
                "SELECT o.id, o.name, o.region_code, r.name AS region_name"
                        + where.replace(
                                " FROM organization_directory o",
                                " FROM organization_directory o LEFT JOIN region_directory r ON r.code = o.region_code")
                        + " ORDER BY o.name, o.id LIMIT ? OFFSET ?",
                rs -> new RepresentativeCandidate(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("region_code"),
                        rs.getString("region_name"),
                        "COUNTY",
                        true,
                        Canteen.OWN,
                        true),
                pageArgs.toArray());
        long total = sql.count("SELECT count(*)" + where, args);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private static UnitReminders.Message message(ResultSet rs) throws SQLException {
        return new UnitReminders.Message(
                rs.getLong("id"),
                rs.getInt("year"),
                ReminderReason.valueOf(rs.getString("reason")),
                rs.getString("message"),
                rs.getString("sender_name"),
                Sql.instant(rs, "sent_at"),
                Sql.instant(rs, "read_at"));
    }
}
