package cn.huinong.quota.internal;

import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NoSupervisionScope;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/** Who is asking, as quota's commands need it: the caller's buyer unit, a regulator's scope; input checks they share. */
@Singleton
class QuotaCallers {

    static final String FILERS_ONLY = "只有采购单位可以填报预留份额";

    private final Organizations organizations;

    QuotaCallers(Organizations organizations) {
        this.organizations = organizations;
    }

    /** The caller's unit when it is a buyer unit; 403 with {@code refusal} otherwise. */
    OrganizationView unitOf(Actor actor, String refusal) {
        OrganizationView unit = actor.organizationId() == null
                ? null
                : organizations.find(actor.organizationId()).orElse(null);
        if (unit == null || unit.kind() != OrganizationKind.BUYER) {
            throw new ForbiddenException(refusal);
        }
        return unit;
    }

    /** The caller's unit when it is a buyer unit, the one that files plans; 403 otherwise. */
    OrganizationView unitOf(Actor actor) {
        return unitOf(actor, FILERS_ONLY);
    }

    /** The scope region code of the caller's (a regulator's) department; 422 when it has none. */
    String scopeOf(Actor actor) {
        return organizations
                .find(actor.organizationId())
                .map(OrganizationView::scopeRegionCode)
                .orElseThrow(() -> new NoSupervisionScope("监管部门未设置监管区域"));
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2200) {
            throw new InvalidInputException("年度有误", List.of(new Violation("year", "年度应在2000到2200之间")));
        }
    }

    /** A region prefix padded to a six-digit code with {@code c}: the bounds of the codes below it. */
    static String pad(String prefix, char c) {
        return (prefix + String.valueOf(c).repeat(6)).substring(0, 6);
    }

    static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
