package cn.huinong.ordering.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.catalog.Eligibility;
import cn.huinong.catalog.ProductStock;
import cn.huinong.catalog.ProductView;
import cn.huinong.catalog.Products;
import cn.huinong.ordering.Channel;
import cn.huinong.ordering.CheckoutResult;
import cn.huinong.ordering.LineSnapshot;
import cn.huinong.ordering.NewCheckout;
import cn.huinong.ordering.OrderEvent;
import cn.huinong.ordering.OrderEventType;
import cn.huinong.ordering.OrderLineView;
import cn.huinong.ordering.OrderPaymentsView;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OrderSummary;
import cn.huinong.ordering.OrderView;
import cn.huinong.ordering.Orders;
import cn.huinong.ordering.PaidOrderCancelled;
import cn.huinong.ordering.UnpaidOrderClosed;
import cn.huinong.ordering.PlacedOrder;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Singleton
class OrderService implements Orders {

    private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

    private static final Set<OrderStatus> CANCELLABLE = EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);
    private static final Set<OrderStatus> INVOICEABLE =
            EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.ACCEPTED);

    private final OrderStore store;
    private final Products products;
    private final ProductStock stock;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final OrderingSettings settings;
    private final Transitions transitions;
    private final List<OrderPaymentsView> paymentViews;
    private final TransactionOperations<Connection> tx;
    private final ApplicationEventPublisher<PaidOrderCancelled> cancelledAfterPayment;
    private final ApplicationEventPublisher<UnpaidOrderClosed> closedUnpaid;

    OrderService(OrderStore store, Products products, ProductStock stock, Idempotency idempotency, AuditLog audit,
                 OrderingSettings settings, Transitions transitions, List<OrderPaymentsView> paymentViews,
                 TransactionOperations<Connection> tx, ApplicationEventPublisher<PaidOrderCancelled> cancelledAfterPayment,
                 ApplicationEventPublisher<UnpaidOrderClosed> closedUnpaid) {
        this.closedUnpaid = closedUnpaid;
        this.paymentViews = paymentViews;
        this.tx = tx;
        this.cancelledAfterPayment = cancelledAfterPayment;
        this.transitions = transitions;
        this.store = store;
        this.products = products;
        this.stock = stock;
        this.idempotency = idempotency;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    @Transactional
    public Idempotency.Outcome<CheckoutResult> checkout(NewCheckout checkout, String idempotencyKey, Actor actor) {
        long buyer = buyerOf(actor);
        return idempotency.once("user:" + actor.username(), idempotencyKey, "POST /api/v1/orders", checkout,
                CheckoutResult.class, 201, () -> place(buyer, checkout, actor));
    }

    /** Reserves every line (ascending product id) or none, then writes one order per supplier. Needs a transaction. */
    CheckoutResult place(long buyer, NewCheckout checkout, Actor actor) {
        TreeMap<Long, Integer> quantities = quantities(checkout);
        List<Map<String, Object>> shortages = new ArrayList<>();
        for (var e : quantities.entrySet()) {
            if (!stock.reserve(e.getKey(), e.getValue())) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("productId", e.getKey());
                s.put("requested", e.getValue());
                s.put("available", stock.available(e.getKey()));
                shortages.add(s);
            }
        }
        if (!shortages.isEmpty()) {
            // the exception rolls back every reservation made above
            throw new ConflictException("库存不足或商品不可购买，未预留任何库存",
                    shortages.stream().map(s -> new Violation("lines", "商品" + s.get("productId") + "库存不足：需要"
                            + s.get("requested") + "，可售" + s.get("available"))).toList(),
                    Map.of("shortages", shortages));
        }
        // the reservations hold the product rows: prices and facts cannot change until we commit
        TreeMap<Long, List<OrderLineView>> bySupplier = new TreeMap<>();
        Map<Long, String> supplierNames = new TreeMap<>();
        for (var e : quantities.entrySet()) {
            ProductView p = products.view(e.getKey(), actor);
            Eligibility eligibility = products.eligibility(e.getKey());
            LineSnapshot snapshot = new LineSnapshot(p.name(), p.category().code(), p.category().name(), p.unit(),
                    p.spec(), p.priceFen(), p.supplier().id(), p.supplier().name(), p.origin(), p.brand(),
                    p.certifications(), eligibility.eligible(), eligibility.reasons());
            List<OrderLineView> lines = bySupplier.computeIfAbsent(p.supplier().id(), k -> new ArrayList<>());
            lines.add(new OrderLineView(lines.size() + 1, p.id(), p.name(), p.unit(), p.spec(), e.getValue(),
                    p.priceFen(), Math.multiplyExact(p.priceFen(), (long) e.getValue()), eligibility.eligible(),
                    snapshot));
            supplierNames.put(p.supplier().id(), p.supplier().name());
        }
        UUID checkoutId = UUID.randomUUID();
        Channel channel = checkout.channel() == null ? Channel.CANTEEN : checkout.channel();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(settings.paymentTimeout());
        String address = checkout.deliveryAddress().strip();
        List<PlacedOrder> placed = new ArrayList<>();
        for (var e : bySupplier.entrySet()) {
            long total = e.getValue().stream().mapToLong(OrderLineView::amountFen).reduce(0, Math::addExact);
            long eligible = e.getValue().stream().filter(OrderLineView::eligible).mapToLong(OrderLineView::amountFen)
                    .reduce(0, Math::addExact);
            long id = store.insert(checkoutId, buyer, actor.username(), e.getKey(), channel, total, eligible, address,
                    expiresAt);
            e.getValue().forEach(line -> store.insertLine(id, line));
            store.history(id, null, OrderStatus.PENDING_PAYMENT, "ORDER_PLACED", actor.username(),
                    Map.of("checkoutId", checkoutId.toString()));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("checkoutId", checkoutId.toString());
            detail.put("supplierId", e.getKey());
            detail.put("channel", channel.name());
            detail.put("totalFen", total);
            detail.put("eligibleFen", eligible);
            detail.put("lines", e.getValue().stream().map(l -> Map.of("productId", l.productId(), "quantity",
                    l.quantity(), "unitPriceFen", l.unitPriceFen(), "eligible", l.eligible())).toList());
            audit.record(actor, "ORDER_PLACED", "order", String.valueOf(id), detail);
            store.outbox(new OrderEvent(UUID.randomUUID(), OrderEventType.ORDER_PLACED, id, checkoutId, buyer,
                    e.getKey(), channel, total, eligible, false, null, null, now));
            placed.add(new PlacedOrder(id, e.getKey(), supplierNames.get(e.getKey()), OrderStatus.PENDING_PAYMENT,
                    channel, total, eligible, expiresAt, e.getValue()));
        }
        stock.stockChanged(quantities.keySet());
        return new CheckoutResult(checkoutId, placed);
    }

    private TreeMap<Long, Integer> quantities(NewCheckout checkout) {
        List<Violation> v = new ArrayList<>();
        if (checkout.lines() == null || checkout.lines().isEmpty()) {
            v.add(new Violation("lines", "至少需要一件商品"));
        } else if (checkout.lines().size() > settings.maxLinesPerCheckout()) {
            v.add(new Violation("lines", "一次最多下单" + settings.maxLinesPerCheckout() + "种商品"));
        }
        if (checkout.deliveryAddress() == null || checkout.deliveryAddress().isBlank()) {
            v.add(new Violation("deliveryAddress", "收货地址不能为空"));
        }
        TreeMap<Long, Integer> quantities = new TreeMap<>();
        if (checkout.lines() != null) {
            for (int i = 0; i < checkout.lines().size(); i++) {
                NewCheckout.Line line = checkout.lines().get(i);
                if (line.quantity() < 1 || line.quantity() > settings.maxQuantityPerLine()) {
                    v.add(new Violation("lines[" + i + "].quantity", "数量应在1到" + settings.maxQuantityPerLine() + "之间"));
                    continue;
                }
                quantities.merge(line.productId(), line.quantity(), Integer::sum);
            }
        }
        if (quantities.values().stream().anyMatch(q -> q > settings.maxQuantityPerLine())) {
            v.add(new Violation("lines", "同一商品数量合计不能超过" + settings.maxQuantityPerLine()));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException("下单信息有误", v);
        }
        return quantities;
    }

    @Override
    @Transactional
    public OrderView view(long id, Actor actor) {
        OrderRow row = store.find(id).filter(r -> visible(r, actor)).orElseThrow(() -> notFound(id));
        return toView(row);
    }

    @Override
    @Transactional
    public Optional<OrderView> find(long id) {
        return store.find(id).map(this::toView);
    }

    @Override
    @Transactional
    public PageResponse<OrderSummary> list(Actor actor, OrderStatus status, PageQuery page) {
        return list(actor, status, null, page);
    }

    @Override
    @Transactional
    public PageResponse<OrderSummary> list(Actor actor, OrderStatus status, String query, PageQuery page) {
        String where;
        List<Object> args = new ArrayList<>();
        if (actor.hasRole("OPERATOR")) {
            where = "WHERE true";
        } else if (actor.hasRole("BUYER") && actor.organizationId() != null) {
            where = "WHERE o.buyer_organization_id = ?";
            args.add(actor.organizationId());
        } else if (actor.hasRole("SUPPLIER") && actor.organizationId() != null) {
            where = "WHERE o.supplier_id = ?";
            args.add(actor.organizationId());
        } else {
            throw new ForbiddenException("无权查看订单");
        }
        if (status != null) {
            where += " AND o.status = ?";
            args.add(status.name());
        }
        String q = query == null ? "" : query.strip().replaceFirst("^#", "");
        if (!q.isEmpty()) {
            String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where += " AND (o.id::text = ? OR b.name ILIKE ? OR s.name ILIKE ?)";
            args.add(q);
            args.add(like);
            args.add(like);
        }
        return store.summaries(where, page, args.toArray());
    }

    @Override
    @Transactional
    public OrderView markPaid(long id, String paymentRef, Instant paidAt, Actor actor) {
        OrderRow row = store.lock(id).orElseThrow(() -> notFound(id));
        require(row, EnumSet.of(OrderStatus.PENDING_PAYMENT), "支付");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("paid_at", paidAt);
        columns.put("payment_ref", paymentRef);
        transitions.move(row, OrderStatus.PAID, "ORDER_PAID", columns, Map.of("paymentRef", paymentRef), actor);
        store.outbox(Transitions.event(row, OrderEventType.ORDER_PAID, true, paidAt, paymentRef));
        return viewOf(id);
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void holdForPayment(long id, Instant until) {
        store.holdUntil(id, until);
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void paymentEvent(long id, OrderEventType type, long amountFen, Instant paidAt, String paymentRef) {
        OrderRow row = store.find(id).orElseThrow(() -> notFound(id));
        long eligible = amountFen == row.totalFen() ? row.eligibleFen()
                : Math.multiplyExact(row.eligibleFen(), amountFen) / Math.max(1, row.totalFen());
        store.outbox(new OrderEvent(UUID.randomUUID(), type, id, row.checkoutId(), row.buyerOrganizationId(),
                row.supplierId(), row.channel(), amountFen, eligible, true, paidAt, paymentRef, Instant.now()));
    }

    @Override
    @Transactional
    public OrderView recordRefund(long id, long amountFen, String refundRef, Actor actor) {
        OrderRow row = store.lock(id).orElseThrow(() -> notFound(id));
        if (row.paidAt() == null || row.status() == OrderStatus.REFUNDED) {
            throw new ConflictException("订单当前状态为" + row.status().label() + "，不能退款");
        }
        long before = store.refundedFen(id);
        long refunded = Math.addExact(before, amountFen);
        if (amountFen <= 0 || refunded > row.totalFen()) {
            throw new RuleViolationException("退款总额不能超过订单金额");
        }
        // the eligible part of the refunded total, rounded down, minus what earlier refunds took: the parts add up
        // to exactly eligibleFen when the whole order is refunded
        long eligible = eligibleShare(row, refunded) - eligibleShare(row, before);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("refundRef", refundRef);
        detail.put("amountFen", amountFen);
        detail.put("eligibleFen", eligible);
        detail.put("refundedFen", refunded);
        if (refunded == row.totalFen() && row.status() != OrderStatus.CANCELLED) {
            transitions.move(row, OrderStatus.REFUNDED, "ORDER_REFUNDED", Map.of("refunded_fen", refunded), detail,
                    actor);
        } else {
            String action = row.status() == OrderStatus.CANCELLED ? "ORDER_REFUNDED" : "ORDER_PARTIALLY_REFUNDED";
            store.update(id, row.status(), Map.of("refunded_fen", refunded));
            store.history(id, row.status(), row.status(), action, actor.username(), detail);
            audit.record(actor, action, "order", String.valueOf(id), detail);
        }
        store.outbox(new OrderEvent(UUID.randomUUID(), OrderEventType.ORDER_REFUNDED, id, row.checkoutId(),
                row.buyerOrganizationId(), row.supplierId(), row.channel(), amountFen, eligible, true, row.paidAt(),
                refundRef, Instant.now()));
        return viewOf(id);
    }

    private static long eligibleShare(OrderRow row, long refundedFen) {
        return refundedFen == row.totalFen() ? row.eligibleFen()
                : Math.multiplyExact(row.eligibleFen(), refundedFen) / Math.max(1, row.totalFen());
    }

    @Override
    @Transactional
    public OrderView ship(long id, String carrier, String trackingNumber, Actor actor) {
        OrderRow row = mine(id, actor, "SUPPLIER");
        require(row, EnumSet.of(OrderStatus.PAID), "发货");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("carrier", carrier.strip());
        columns.put("tracking_number", trackingNumber.strip());
        columns.put("shipped_at", Instant.now());
        transitions.move(row, OrderStatus.SHIPPED, "ORDER_SHIPPED", columns,
                Map.of("carrier", carrier.strip(), "trackingNumber", trackingNumber.strip()), actor);
        return viewOf(id);
    }

    @Override
    @Transactional
    public OrderView deliver(long id, Actor actor) {
        OrderRow row = mine(id, actor, "SUPPLIER");
        require(row, EnumSet.of(OrderStatus.SHIPPED), "确认送达");
        transitions.move(row, OrderStatus.DELIVERED, "ORDER_DELIVERED", Map.of("delivered_at", Instant.now()), Map.of(), actor);
        return viewOf(id);
    }

    @Override
    @Transactional
    public OrderView accept(long id, Integer rating, String comment, Actor actor) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new InvalidInputException("评分有误", List.of(new Violation("rating", "评分应在1到5之间")));
        }
        OrderRow row = mine(id, actor, "BUYER");
        require(row, EnumSet.of(OrderStatus.DELIVERED), "验收");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("accepted_at", Instant.now());
        columns.put("rating", rating);
        columns.put("acceptance_comment", comment);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rating", rating);
        detail.put("comment", comment);
        transitions.move(row, OrderStatus.ACCEPTED, "ORDER_ACCEPTED", columns, detail, actor);
        store.outbox(Transitions.event(row, OrderEventType.ORDER_ACCEPTED, true, row.paidAt(), row.paymentRef()));
        return viewOf(id);
    }

    @Override
    public OrderView cancel(long id, String reason, Actor actor) {
        boolean paid = tx.executeWrite(status -> {
            OrderRow row = mine(id, actor, "BUYER");
            require(row, CANCELLABLE, "取消（已发货的订单不能取消）");
            String why = reason == null || reason.isBlank() ? "买方取消" : reason.strip();
            transitions.cancelAndRelease(row, "ORDER_CANCELLED", OrderEventType.ORDER_CANCELLED, why, actor);
            return row.paidAt() != null;
        });
        // committed: the payments module refunds now (paid) or closes the attempts (unpaid); if that fails, its
        // sweep finds the order again
        try {
            if (paid) {
                cancelledAfterPayment.publishEvent(new PaidOrderCancelled(id));
            } else {
                closedUnpaid.publishEvent(new UnpaidOrderClosed(id));
            }
        } catch (RuntimeException e) {
            LOG.warn("order {}: payments' reaction to the cancellation failed, left to the sweep: {}", id, e.toString());
        }
        return tx.executeRead(status -> view(id, actor));
    }

    @Override
    @Transactional
    public List<Long> cancelledUnrefunded(long afterId, int limit) {
        return store.cancelledUnrefunded(afterId, limit);
    }

    @Override
    @Transactional
    public OrderView requestInvoice(long id, String title, String taxNumber, Actor actor) {
        OrderRow row = mine(id, actor, "BUYER");
        if (row.status() == OrderStatus.CANCELLED || row.status() == OrderStatus.REFUNDED) {
            throw new ConflictException("订单" + row.status().label() + "，不能申请发票");
        }
        if (row.invoiceNumber() != null) {
            throw new ConflictException("发票已开具，不能修改开票信息");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("invoice_title", title.strip());
        columns.put("invoice_tax_number", taxNumber.strip());
        columns.put("invoice_requested_at", Instant.now());
        store.update(id, row.status(), columns);
        store.history(id, row.status(), row.status(), "ORDER_INVOICE_REQUESTED", actor.username(), Map.of());
        audit.record(actor, "ORDER_INVOICE_REQUESTED", "order", String.valueOf(id),
                Map.of("title", title.strip(), "taxNumber", taxNumber.strip()));
        return viewOf(id);
    }

    @Override
    @Transactional
    public OrderView recordInvoice(long id, String invoiceNumber, LocalDate issuedOn, Actor actor) {
        OrderRow row = mine(id, actor, "SUPPLIER");
        if (row.invoiceTitle() == null) {
            throw new ConflictException("买方尚未提交开票信息");
        }
        require(row, INVOICEABLE, "登记发票（需已支付）");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("invoice_number", invoiceNumber.strip());
        columns.put("invoice_issued_on", issuedOn);
        store.update(id, row.status(), columns);
        store.history(id, row.status(), row.status(), "ORDER_INVOICE_ISSUED", actor.username(), Map.of());
        audit.record(actor, "ORDER_INVOICE_ISSUED", "order", String.valueOf(id),
                Map.of("invoiceNumber", invoiceNumber.strip(), "issuedOn", issuedOn.toString()));
        return viewOf(id);
    }

    @Override
    public int expireUnpaid(Instant now) {
        int expired = 0;
        List<Long> ids;
        do {
            ids = transitions.overdue(now, 100);
            for (long id : ids) {
                if (transitions.expire(id, now)) {
                    expired++;
                    try {
                        closedUnpaid.publishEvent(new UnpaidOrderClosed(id));
                    } catch (RuntimeException e) {
                        LOG.warn("order {}: payments' reaction to the expiry failed, left to the sweep: {}", id,
                                e.toString());
                    }
                }
            }
        } while (ids.size() == 100);
        return expired;
    }

    @Override
    public int acceptDelivered(Instant now) {
        Instant deliveredBy = now.minus(settings.autoAcceptAfter());
        int accepted = 0;
        List<Long> ids;
        do {
            ids = transitions.deliveredBy(deliveredBy, 100);
            for (long id : ids) {
                if (transitions.autoAccept(id, deliveredBy)) {
                    accepted++;
                }
            }
        } while (ids.size() == 100);
        return accepted;
    }

    private static void require(OrderRow row, Set<OrderStatus> from, String what) {
        if (!from.contains(row.status())) {
            throw new ConflictException("订单当前状态为" + row.status().label() + "，不能" + what);
        }
    }

    /** The order locked, when the actor is its buyer unit (role BUYER) or its supplier (role SUPPLIER); else 404/403. */
    private OrderRow mine(long id, Actor actor, String role) {
        OrderRow row = store.lock(id).filter(r -> visible(r, actor)).orElseThrow(() -> notFound(id));
        if (!actor.hasRole(role)) {
            throw new ForbiddenException("BUYER".equals(role) ? "只有采购单位可以执行此操作" : "只有供应商可以执行此操作");
        }
        return row;
    }

    static boolean visible(OrderRow row, Actor actor) {
        if (actor.hasRole("OPERATOR")) {
            return true;
        }
        Long org = actor.organizationId();
        return (actor.hasRole("BUYER") && Objects.equals(org, row.buyerOrganizationId()))
                || (actor.hasRole("SUPPLIER") && Objects.equals(org, row.supplierId()));
    }

    static long buyerOf(Actor actor) {
        if (!actor.hasRole("BUYER") || actor.organizationId() == null) {
            throw new ForbiddenException("只有采购单位可以下单");
        }
        return actor.organizationId();
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("订单不存在：" + id);
    }

    private OrderView viewOf(long id) {
        return toView(store.find(id).orElseThrow(() -> notFound(id)));
    }

    private List<Map<String, Object>> payments(long orderId) {
        List<Map<String, Object>> all = new ArrayList<>();
        paymentViews.forEach(v -> all.addAll(v.payments(orderId)));
        return all;
    }

    private OrderView toView(OrderRow r) {
        OrderView.Shipment shipment = r.shippedAt() == null ? null
                : new OrderView.Shipment(r.carrier(), r.trackingNumber(), r.shippedAt());
        OrderView.Acceptance acceptance = r.acceptedAt() == null ? null
                : new OrderView.Acceptance(r.acceptedAt(), r.rating(), r.acceptanceComment());
        OrderView.Invoice invoice = new OrderView.Invoice(r.invoiceTitle(), r.invoiceTaxNumber(),
                r.invoiceRequestedAt(), r.invoiceNumber(), r.invoiceIssuedOn());
        return new OrderView(r.id(), r.checkoutId(), r.buyerOrganizationId(), r.buyerUsername(), r.supplierId(),
                store.organizationName(r.supplierId()), r.channel(), r.status(), r.status().label(), r.totalFen(),
                r.eligibleFen(), store.refundedFen(r.id()), r.deliveryAddress(), r.expiresAt(), r.paidAt(), shipment, r.deliveredAt(), acceptance,
                r.cancelledAt(), r.cancelReason(), invoice, store.lines(r.id()), payments(r.id()), store.history(r.id()),
                r.createdAt());
    }
}
