package cn.huinong.audit;

import java.time.Instant;

/** Filters for browsing the audit trail; null means "any". */
public record AuditQuery(
        String actor, String action, String resourceType, String resourceId, Instant from, Instant to) {}
