package cn.huinong.quota.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.quota.ConsistencyCheckRunning;
import cn.huinong.quota.ConsistencyReport;
import cn.huinong.quota.ConsistencyRun;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.NotFoundException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of consistency runs; each method is its own transaction (the check itself runs in between). */
@Singleton
class ConsistencyRunStore {

    private final Sql sql;
    private final AuditLog audit;

    ConsistencyRunStore(Sql sql, AuditLog audit) {
        this.sql = sql;
        this.audit = audit;
    }

    /** A RUNNING row, unless the year has one running already (409). */
    @Transactional
    long open(int year, Actor actor) {
        long id = sql.one("""
                INSERT INTO quota_consistency_run (year, status, started_by) VALUES (?, 'RUNNING', ?)
                ON CONFLICT (year) WHERE status = 'RUNNING' DO NOTHING RETURNING id
                """, rs -> rs.getLong(1), year, actor.username())
                .orElseThrow(() -> new ConsistencyCheckRunning(year + "年度的核对正在进行，请等它完成后再试"));
        audit.record(
                actor,
                "QUOTA_CONSISTENCY_CHECK_STARTED",
                "quota_consistency_run",
                String.valueOf(id),
                Map.of("year", year));
        return id;
    }

    @Transactional
    void finish(long id, ConsistencyReport report, Actor actor) {
        sql.update(
                """
                UPDATE quota_consistency_run SET status = 'DONE', finished_at = now(), units_checked = ?,
                       pending_events = ?, mismatch_count = ? WHERE id = ? AND status = 'RUNNING'
                """,
                report.unitsChecked(),
                report.pendingEvents(),
                report.mismatches().size(),
                id);
        for (ConsistencyReport.Mismatch m : report.mismatches().stream()
                .limit(ConsistencyRun.MISMATCHES_KEPT)
                .toList()) {
            sql.update("""
                    INSERT INTO quota_consistency_mismatch (run_id, organization_id, from_orders_fen, ledger_fen,
                                                            figures_fen) VALUES (?, ?, ?, ?, ?)
                    """, id, m.organizationId(), m.fromOrdersFen(), m.ledgerFen(), m.figuresFen());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("year", report.year());
        detail.put("unitsChecked", report.unitsChecked());
        detail.put("mismatches", report.mismatches().size());
        detail.put("pendingEvents", report.pendingEvents());
        audit.record(actor, "QUOTA_CONSISTENCY_CHECK_FINISHED", "quota_consistency_run", String.valueOf(id), detail);
    }

    @Transactional
    void fail(long id, String error, Actor actor) {
        sql.update("""
                UPDATE quota_consistency_run SET status = 'FAILED', finished_at = now(), error = ?
                WHERE id = ? AND status = 'RUNNING'
                """, error, id);
        audit.record(
                actor,
                "QUOTA_CONSISTENCY_CHECK_FAILED",
                "quota_consistency_run",
                String.valueOf(id),
                Map.of("error", error));
    }

    /** Runs left RUNNING by a process that stopped: they will never finish. */
    @Transactional
    int abandonRunning() {
        return sql.update("""
                UPDATE quota_consistency_run SET status = 'FAILED', finished_at = now(), error = '服务重启，核对中断，请重新发起'
                WHERE status = 'RUNNING'
                """);
    }

    @Transactional(readOnly = true)
    PageResponse<ConsistencyRun> list(PageQuery page) {
        List<ConsistencyRun> items = sql.list(
                "SELECT * FROM quota_consistency_run ORDER BY id DESC LIMIT ? OFFSET ?",
                rs -> run(rs, List.of()),
                page.size(),
                page.offset());
        return new PageResponse<>(
                items, page.page(), page.size(), sql.count("SELECT count(*) FROM quota_consistency_run"));
    }

    @Transactional(readOnly = true)
    ConsistencyRun view(long id) {
        List<ConsistencyReport.Mismatch> mismatches = sql.list(
                """
                SELECT organization_id, from_orders_fen, ledger_fen, figures_fen FROM quota_consistency_mismatch
                WHERE run_id = ? ORDER BY organization_id
                """,
                rs -> new ConsistencyReport.Mismatch(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                id);
        return sql.one("SELECT * FROM quota_consistency_run WHERE id = ?", rs -> run(rs, mismatches), id)
                .orElseThrow(() -> new NotFoundException("核对记录不存在"));
    }

    private static ConsistencyRun run(ResultSet rs, List<ConsistencyReport.Mismatch> mismatches) throws SQLException {
        ConsistencyRun.Status status = ConsistencyRun.Status.valueOf(rs.getString("status"));
        Integer count = (Integer) rs.getObject("mismatch_count");
        return new ConsistencyRun(
                rs.getLong("id"),
                rs.getInt("year"),
                status,
                status.label(),
                rs.getString("started_by"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"),
                Sql.nullableLong(rs, "units_checked"),
                Sql.nullableLong(rs, "pending_events"),
                count,
                rs.getString("error"),
                mismatches);
    }
}
