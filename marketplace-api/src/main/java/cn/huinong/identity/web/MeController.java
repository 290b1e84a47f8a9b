package cn.huinong.identity.web;

import cn.huinong.identity.Accounts;
import cn.huinong.identity.Organizations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.NotFoundException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;

@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeController {

    private final Accounts accounts;
    private final Organizations organizations;

    MeController(Accounts accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /** The caller and its organisation (with its review status; a regulator's scopeRegionCode). */
    @Get
    MeResponse me(@Parameter(hidden = true) Actor actor) {
        Accounts.SessionUser user = accounts.user(actor.username());
        return new MeResponse(user.username(), user.roles(), organizations.find(user.organizationId())
                .orElseThrow(() -> new NotFoundException("机构不存在")));
    }
}
