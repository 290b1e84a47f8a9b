package cn.huinong.ordering.internal;

import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import java.util.Objects;

/** Who may see and act on an order: its buyer unit, its supplier, operators (see only). */
final class Parties {

    private Parties() {}

    static boolean visible(long buyerOrganizationId, long supplierId, Actor actor) {
        if (actor.is(Role.OPERATOR)) {
            return true;
        }
        Long org = actor.organizationId();
        return (actor.is(Role.BUYER) && Objects.equals(org, buyerOrganizationId))
                || (actor.is(Role.SUPPLIER) && Objects.equals(org, supplierId));
    }

    static boolean visible(Order order, Actor actor) {
        return visible(order.buyerOrganizationId(), order.supplierId(), actor);
    }

    /** The buyer unit of a buyer user; 403 for anyone else. */
    static long buyerOf(Actor actor) {
        if (!actor.is(Role.BUYER) || actor.organizationId() == null) {
            throw new ForbiddenException("只有采购单位可以下单");
        }
        return actor.organizationId();
    }

    /** 403 unless the actor has the role the action needs. */
    static void require(Role role, Actor actor) {
        if (!actor.is(role)) {
            throw new ForbiddenException(role == Role.BUYER ? "只有采购单位可以执行此操作" : "只有供应商可以执行此操作");
        }
    }
}
