package cn.huinong.ordering.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.catalog.ProductStock;
import cn.huinong.ordering.OrderEvent;
import cn.huinong.ordering.OrderEventType;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.shared.Actor;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The writes every transition shares (status, history, audit, stock release, outbox), and the expiry of one order. */
@Singleton
class Transitions {

    private final OrderStore store;
    private final ProductStock stock;
    private final AuditLog audit;

    Transitions(OrderStore store, ProductStock stock, AuditLog audit) {
        this.store = store;
        this.stock = stock;
        this.audit = audit;
    }

    @Transactional
    public List<Long> overdue(Instant now, int limit) {
        return store.overdue(now, limit);
    }

    /** Cancels one overdue unpaid order in its own transaction; false when it was paid or cancelled meanwhile. */
    @Transactional
    public boolean expire(long id, Instant now) {
        OrderRow row = store.lock(id).orElse(null);
        if (row == null || row.status() != OrderStatus.PENDING_PAYMENT || row.expiresAt().isAfter(now)) {
            return false;
        }
        cancelAndRelease(row, "ORDER_EXPIRED", OrderEventType.ORDER_EXPIRED, "超时未支付，系统自动取消",
                Actor.system("order-expiry"));
        return true;
    }

    @Transactional
    public List<Long> deliveredBy(Instant deliveredBy, int limit) {
        return store.deliveredBy(deliveredBy, limit);
    }

    /**
     * Accepts one order delivered by {@code deliveredBy} in its own transaction, as the system; false when the buyer
     * accepted it (or anything else happened to it) meanwhile.
     */
    @Transactional
    public boolean autoAccept(long id, Instant deliveredBy) {
        OrderRow row = store.lock(id).orElse(null);
        if (row == null || row.status() != OrderStatus.DELIVERED || row.deliveredAt() == null
                || row.deliveredAt().isAfter(deliveredBy)) {
            return false;
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("accepted_at", Instant.now());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("deliveredAt", row.deliveredAt().toString());
        detail.put("reason", "送达后买方未在期限内验收，系统自动验收");
        move(row, OrderStatus.ACCEPTED, "AUTO_ACCEPTED", columns, detail, Actor.system("order-auto-accept"));
        store.outbox(event(row, OrderEventType.ORDER_ACCEPTED, true, row.paidAt(), row.paymentRef()));
        return true;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void cancelAndRelease(OrderRow row, String action, OrderEventType type, String reason, Actor actor) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("cancelled_at", Instant.now());
        columns.put("cancel_reason", reason);
        move(row, OrderStatus.CANCELLED, action, columns, Map.of("reason", reason), actor);
        // release in ascending product id, the order in which checkouts reserve
        TreeMap<Long, Integer> quantities = new TreeMap<>();
        store.lines(row.id()).forEach(l -> quantities.merge(l.productId(), l.quantity(), Integer::sum));
        quantities.forEach(stock::release);
        stock.stockChanged(quantities.keySet());
        store.outbox(event(row, type, row.paidAt() != null, row.paidAt(), row.paymentRef()));
    }

    /** Status change + history + audit, in the caller's transaction; the row was locked and its state checked. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void move(OrderRow row, OrderStatus to, String action, Map<String, Object> columns, Map<String, ?> detail,
                     Actor actor) {
        store.update(row.id(), to, columns);
        store.history(row.id(), row.status(), to, action, actor.username(), detail);
        Map<String, Object> audited = new LinkedHashMap<>(detail);
        audited.put("from", row.status().name());
        audited.put("to", to.name());
        audit.record(actor, action, "order", String.valueOf(row.id()), audited);
    }

    static OrderEvent event(OrderRow row, OrderEventType type, boolean paid, Instant paidAt, String paymentRef) {
        return new OrderEvent(UUID.randomUUID(), type, row.id(), row.checkoutId(), row.buyerOrganizationId(),
                row.supplierId(), row.channel(), row.totalFen(), row.eligibleFen(), paid, paidAt, paymentRef,
                Instant.now());
    }
}
