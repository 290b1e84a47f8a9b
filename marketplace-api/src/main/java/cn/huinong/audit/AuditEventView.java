package cn.huinong.audit;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

@Serdeable
public record AuditEventView(
        long id,
        Instant occurredAt,
        String actor,
        Long organizationId,
        String action,
        String resourceType,
        String resourceId,
        Map<String, Object> detail,
        String ipAddress) {}
