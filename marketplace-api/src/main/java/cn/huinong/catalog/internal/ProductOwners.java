package cn.huinong.catalog.internal;

import cn.huinong.catalog.NotProductOwner;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.NotFoundException;
import java.util.Objects;

/** Who may manage a product: suppliers manage their own; to anyone else another's product does not exist. */
final class ProductOwners {

    private ProductOwners() {}

    /** The caller's supplier organisation; 403 for anyone else. */
    static long supplierOf(Actor actor) {
        if (!actor.is(Role.SUPPLIER) || actor.organizationId() == null) {
            throw new ForbiddenException("只有供应商可以管理商品");
        }
        return actor.organizationId();
    }

    /** The caller owns the product; an operator is told it may not (403), anyone else that it does not exist (404). */
    static void requireOwner(ProductRow row, Actor actor) {
        if (!Objects.equals(actor.organizationId(), row.supplierId())) {
            if (actor.is(Role.OPERATOR)) {
                throw new NotProductOwner("只有商品所属供应商可以执行此操作");
            }
            throw new NotFoundException("商品不存在：" + row.id());
        }
    }
}
