package cn.huinong.identity.web;

import cn.huinong.identity.OrganizationNotApproved;
import cn.huinong.identity.OrganizationStatus;
import cn.huinong.identity.Organizations;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.RouteAttributes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Users of an organisation that is not APPROVED may sign in, see who they are and use what anyone
 * may use (catalog search, regions); every other API call answers 403.
 */
@ServerFilter("/api/**")
class ApprovedOrganizationFilter implements Ordered {

    private final Organizations organizations;

    ApprovedOrganizationFilter(Organizations organizations) {
        this.organizations = organizations;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void requireApprovedOrganization(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals("/api/v1/me")
                || path.startsWith("/api/v1/me/")
                || path.startsWith("/api/v1/auth/")
                || openToAnyone(request)) {
            return;
        }
        Optional<Authentication> auth = request.getUserPrincipal(Authentication.class);
        if (auth.isEmpty() || !(auth.get().getAttributes().get("organizationId") instanceof Number orgId)) {
            return;
        }
        OrganizationStatus status = organizations.status(orgId.longValue()).orElse(null);
        if (status != OrganizationStatus.APPROVED) {
            throw new OrganizationNotApproved(status == null ? "所属机构不存在" : "所属机构" + status.label() + "，暂不能进行此操作");
        }
    }

    /** Endpoints that anyone may call (search, categories, regions) stay open to members of pending organisations. */
    private static boolean openToAnyone(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(m -> m.getAnnotationMetadata().stringValues(Secured.class))
                .map(values -> Arrays.asList(values).contains(SecurityRule.IS_ANONYMOUS))
                .orElse(false);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
