package cn.huinong.web;

import cn.huinong.shared.Role;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;
import java.security.Principal;

/**
 * /health for everyone, its details for operators only: anonymous callers and every other role see the status
 * (UP, DEGRADED, DOWN) and nothing else, not the JDBC URL, database version, disk or outbox figures. The
 * status itself stays public so that load balancers and uptime checks can read it without a token.
 */
@Replaces(HealthEndpoint.class)
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
public class HealthEndpointForOperators extends HealthEndpoint {

    static final String OPERATOR = Role.Names.OPERATOR;

    public HealthEndpointForOperators(
            HealthAggregator<HealthResult> healthAggregator,
            HealthIndicator[] healthIndicators,
            @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        return principal instanceof Authentication a && a.getRoles().contains(OPERATOR)
                ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS
                : HealthLevelOfDetail.STATUS;
    }
}
