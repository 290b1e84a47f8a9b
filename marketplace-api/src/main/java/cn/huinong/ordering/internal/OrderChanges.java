package cn.huinong.ordering.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.catalog.ProductStock;
import cn.huinong.shared.Actor;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.TreeMap;

/** Records what a transition of an {@link Order} did: its row and history, its audit entry, stock, outbox event. */
@Singleton
class OrderChanges {

    private final OrderStore store;
    private final ProductStock stock;
    private final AuditLog audit;

    OrderChanges(OrderStore store, ProductStock stock, AuditLog audit) {
        this.store = store;
        this.stock = stock;
        this.audit = audit;
    }

    /** In the caller's transaction, which locked the order and asked the aggregate for the change. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(OrderChange c, Actor actor) {
        store.apply(c, actor.username());
        audit.record(actor, c.action(), "order", String.valueOf(c.orderId()), c.audited());
        if (c.releasesStock()) {
            // release in ascending product id, the order in which checkouts reserve
            TreeMap<Long, Integer> quantities = new TreeMap<>();
            store.lines(c.orderId()).forEach(l -> quantities.merge(l.productId(), l.quantity(), Integer::sum));
            quantities.forEach(stock::release);
            stock.stockChanged(quantities.keySet());
        }
        if (c.event() != null) {
            store.outbox(c.event());
        }
    }
}
