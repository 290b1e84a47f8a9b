package cn.huinong.ordering.internal;

import cn.huinong.identity.Organizations;
import cn.huinong.ordering.OrderNotFound;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OrderSummary;
import cn.huinong.ordering.OrderView;
import cn.huinong.ordering.PayableOrder;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What orders look like to their parties: one order, lists; the parties' names come from the identity module. */
@Singleton
class OrderReads {

    /** At most this many organisations whose name matches a search narrow a list. */
    private final OrderStore store;

    private final OrderReadStore views;
    private final Organizations organizations;

    OrderReads(OrderStore store, OrderReadStore views, Organizations organizations) {
        this.store = store;
        this.views = views;
        this.organizations = organizations;
    }

    /** The order when the actor may see it; 404 otherwise (it does not exist for them). */
    @Transactional
    public OrderView view(long id, Actor actor) {
        return find(id).filter(v -> Parties.visible(v.buyerOrganizationId(), v.supplierId(), actor))
                .orElseThrow(() -> new OrderNotFound(id));
    }

    @Transactional
    public Optional<OrderView> find(long id) {
        return views.view(id, this::name);
    }

    @Transactional
    public Optional<PayableOrder> payable(long id) {
        return store.find(id)
                .map(o -> new PayableOrder(
                        o.id(),
                        o.buyerOrganizationId(),
                        o.supplierId(),
                        name(o.supplierId()),
                        o.status(),
                        o.totalFen(),
                        o.refundedFen(),
                        o.createdAt()));
    }

    @Transactional
    public PageResponse<OrderSummary> list(Actor actor, OrderStatus status, String query, PageQuery page) {
        Long buyer = null;
        Long supplier = null;
        if (actor.is(Role.OPERATOR)) {
            // every order
        } else if (actor.is(Role.BUYER) && actor.organizationId() != null) {
            buyer = actor.organizationId();
        } else if (actor.is(Role.SUPPLIER) && actor.organizationId() != null) {
            supplier = actor.organizationId();
        } else {
            throw new ForbiddenException("无权查看订单");
        }
        String q = query == null ? "" : query.strip().replaceFirst("^#", "");
        OrderFilter filter = q.isEmpty()
                ? new OrderFilter(buyer, supplier, status, null)
                : new OrderFilter(buyer, supplier, status, q);
        PageResponse<OrderSummary> found = views.summaries(filter, page);
        Set<Long> parties = new HashSet<>();
        found.items().forEach(s -> {
            parties.add(s.buyerOrganizationId());
            parties.add(s.supplierId());
        });
        Map<Long, String> names = parties.isEmpty() ? Map.of() : organizations.names(parties);
        return found.map(s -> new OrderSummary(
                s.id(),
                s.checkoutId(),
                s.buyerOrganizationId(),
                names.getOrDefault(s.buyerOrganizationId(), ""),
                s.supplierId(),
                names.getOrDefault(s.supplierId(), ""),
                s.channel(),
                s.status(),
                s.statusLabel(),
                s.totalFen(),
                s.eligibleFen(),
                s.lineCount(),
                s.createdAt(),
                s.paidAt()));
    }

    @Transactional
    public List<Long> awaitingPayment(long buyerOrganizationId, int limit) {
        return views
                .summaries(
                        new OrderFilter(buyerOrganizationId, null, OrderStatus.PENDING_PAYMENT, null),
                        PageQuery.of(0, limit))
                .items()
                .stream()
                .map(OrderSummary::id)
                .toList();
    }

    private String name(long organizationId) {
        return organizations.names(List.of(organizationId)).getOrDefault(organizationId, "");
    }
}
