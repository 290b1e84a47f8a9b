package cn.huinong.audit.internal;

import cn.huinong.audit.AuditEventView;
import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Singleton
class JdbcAuditLog implements AuditLog {

    private final Sql sql;
    private final ObjectMapper json;

    JdbcAuditLog(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(Actor actor, String action, String resourceType, String resourceId, Map<String, ?> detail) {
        String detailJson = write(detail == null ? Map.of() : detail);
        sql.update(
                """
                INSERT INTO audit_event (actor, organization_id, action, resource_type, resource_id, detail, ip_address)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""",
                actor.username(),
                actor.organizationId(),
                action,
                resourceType,
                resourceId,
                detailJson,
                actor.ipAddress());
    }

    @Override
    @Transactional(readOnly = true)
    public long countRecent(String action, String ipAddress, Duration window) {
        return sql.count("""
                SELECT count(*) FROM audit_event WHERE action = ? AND ip_address = ?
                  AND occurred_at > now() - make_interval(secs => ?)""", action, ipAddress, window.toSeconds());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<AuditEventView> search(AuditQuery q, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (q.actor() != null) {
            where.append(" AND actor = ?");
            args.add(q.actor());
        }
        if (q.action() != null) {
            where.append(" AND action = ?");
            args.add(q.action());
        }
        if (q.resourceType() != null) {
            where.append(" AND resource_type = ?");
            args.add(q.resourceType());
        }
        if (q.resourceId() != null) {
            where.append(" AND resource_id = ?");
            args.add(q.resourceId());
        }
        if (q.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND occurred_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        long total = sql.count("SELECT count(*) FROM audit_event" + where, args.toArray());
        args.add(page.size());
        args.add(page.offset());
        List<AuditEventView> items = sql.list(
                """
                SELECT id, occurred_at, actor, organization_id, action, resource_type, resource_id, detail::text, ip_address
                FROM audit_event""" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?",
                rs -> new AuditEventView(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        read(rs.getString(8)),
                        rs.getString(9)),
                args.toArray());
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    private String write(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
