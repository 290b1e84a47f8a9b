package cn.huinong.audit.web;

import cn.huinong.audit.AuditEventView;
import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;

@Controller("/api/v1/audit-events")
@Secured("OPERATOR")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** Browse the audit trail, newest first. */
    @Get
    PageResponse<AuditEventView> list(@Nullable @QueryValue String actor, @Nullable @QueryValue String action,
                                      @Nullable @QueryValue String resourceType, @Nullable @QueryValue String resourceId,
                                      @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                                      @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return audit.search(new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(resourceType),
                blankToNull(resourceId), from, to), PageQuery.of(page, size));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
