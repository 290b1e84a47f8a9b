package cn.huinong.identity;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Organisations: self-registration, operator review, operator provisioning. The identity module's API. */
public interface Organizations {

    /** Anonymous self-registration of a SUPPLIER or BUYER; the organisation waits for review (PENDING). */
    OrganizationView register(NewOrganization registration, Actor actor);

    /** Operator-created organisation (any kind, e.g. a regulator), approved at once. */
    OrganizationView provision(NewOrganization organization, Actor actor);

    /** An operator's review of a PENDING organisation; a rejection needs a reason. */
    default OrganizationView decide(long id, Decision decision, String reason, Actor actor) {
        return decide(id, decision, reason, null, actor);
    }

    /**
     * The same; {@code adminUsername} is required to approve a registration whose requested admin username was
     * taken ({@link OrganizationView#pendingAdminUsername()}), and ignored otherwise.
     */
    OrganizationView decide(long id, Decision decision, String reason, String adminUsername, Actor actor);

    Optional<OrganizationView> find(long id);

    /** Just the review status (cheap: used on every authenticated request). */
    Optional<OrganizationStatus> status(long id);

    Optional<OrganizationView> findByCreditCode(String creditCode);

    PageResponse<OrganizationView> search(OrganizationFilter filter, PageQuery page);

    /**
     * The names of the given organisations, for other modules' views (they must not read identity's tables).
     * Unknown ids are absent from the map.
     */
    Map<Long, String> names(Collection<Long> ids);
}
