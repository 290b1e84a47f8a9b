package cn.huinong.audit.web;

import cn.huinong.audit.AuditArchive;
import cn.huinong.audit.AuditEventView;
import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;

@Controller("/api/v1/audit-events")
@StandardProblems
@Secured(Role.Names.OPERATOR)
class AuditController {

    private final AuditLog audit;
    private final AuditArchive archive;

    AuditController(AuditLog audit, AuditArchive archive) {
        this.audit = audit;
        this.archive = archive;
    }

    /**
     * Archives now what is past the retention (the scheduled job does it daily): gzip JSON lines under the
     * configured folder, then deleted; audited as AUDIT_ARCHIVED.
     */
    @Post("/archive-runs")
    AuditArchive.ArchiveRun archive() {
        return archive.archiveExpired();
    }

    /** Browse the audit trail, newest first. */
    @Get
    PageResponse<AuditEventView> list(
            @Nullable @QueryValue String actor,
            @Nullable @QueryValue String action,
            @Nullable @QueryValue String resourceType,
            @Nullable @QueryValue String resourceId,
            @Nullable @QueryValue Instant from,
            @Nullable @QueryValue Instant to,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        return audit.search(
                new AuditQuery(
                        blankToNull(actor),
                        blankToNull(action),
                        blankToNull(resourceType),
                        blankToNull(resourceId),
                        from,
                        to),
                PageQuery.of(page, size));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
