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
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OutOfStock;
import cn.huinong.ordering.PlacedOrder;
import cn.huinong.shared.Actor;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Checkout: every line reserved (ascending product id) or none, then one PENDING_PAYMENT order per supplier. */
@Singleton
class Checkout {

    private final OrderStore store;
    private final Products products;
    private final ProductStock stock;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final OrderingSettings settings;
    private final InstantSource clock;

    Checkout(
            OrderStore store,
            Products products,
            ProductStock stock,
            Idempotency idempotency,
            AuditLog audit,
            OrderingSettings settings,
            InstantSource clock) {
        this.store = store;
        this.products = products;
        this.stock = stock;
        this.idempotency = idempotency;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Idempotency.Outcome<CheckoutResult> checkout(NewCheckout checkout, String idempotencyKey, Actor actor) {
        long buyer = Parties.buyerOf(actor);
        return idempotency.once(
                "user:" + actor.username(),
                idempotencyKey,
                "POST /api/v1/orders",
                checkout,
                CheckoutResult.class,
                201,
                () -> place(buyer, checkout, actor));
    }

    /** Reserves every line (ascending product id) or none, then writes one order per supplier. Needs a transaction. */
    CheckoutResult place(long buyer, NewCheckout checkout, Actor actor) {
        TreeMap<Long, Integer> quantities = quantities(checkout);
        reserve(quantities);
        // the reservations hold the product rows: prices and facts cannot change until we commit
        TreeMap<Long, List<OrderLineView>> bySupplier = new TreeMap<>();
        Map<Long, String> supplierNames = new TreeMap<>();
        for (var e : quantities.entrySet()) {
            ProductView p = products.view(e.getKey(), actor);
            Eligibility eligibility = products.eligibility(e.getKey());
            LineSnapshot snapshot = new LineSnapshot(
                    p.name(),
                    p.category().code(),
                    p.category().name(),
                    p.unit(),
                    p.spec(),
                    p.priceFen(),
                    p.supplier().id(),
                    p.supplier().name(),
                    p.origin(),
                    p.brand(),
                    p.certifications(),
                    eligibility.eligible(),
                    eligibility.reasons());
            List<OrderLineView> lines = bySupplier.computeIfAbsent(p.supplier().id(), k -> new ArrayList<>());
            lines.add(new OrderLineView(
                    lines.size() + 1,
                    p.id(),
                    p.name(),
                    p.unit(),
                    p.spec(),
                    e.getValue(),
                    p.priceFen(),
                    Math.multiplyExact(p.priceFen(), (long) e.getValue()),
                    eligibility.eligible(),
                    snapshot));
            supplierNames.put(p.supplier().id(), p.supplier().name());
        }
        UUID checkoutId = UUID.randomUUID();
        Channel channel = checkout.channel() == null ? Channel.CANTEEN : checkout.channel();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(settings.paymentTimeout());
        String address = checkout.deliveryAddress().strip();
        List<PlacedOrder> placed = new ArrayList<>();
        for (var e : bySupplier.entrySet()) {
            long total =
                    e.getValue().stream().mapToLong(OrderLineView::amountFen).reduce(0, Math::addExact);
            long eligible = e.getValue().stream()
                    .filter(OrderLineView::eligible)
                    .mapToLong(OrderLineView::amountFen)
                    .reduce(0, Math::addExact);
            long id = store.insert(
                    checkoutId, buyer, actor.username(), e.getKey(), channel, total, eligible, address, expiresAt);
            e.getValue().forEach(line -> store.insertLine(id, line));
            store.history(
                    id,
                    null,
                    OrderStatus.PENDING_PAYMENT,
                    "ORDER_PLACED",
                    actor.username(),
                    Map.of("checkoutId", checkoutId.toString()));
            audit.record(
                    actor,
                    "ORDER_PLACED",
                    "order",
                    String.valueOf(id),
                    placedDetail(checkoutId, e.getKey(), channel, total, eligible, e.getValue()));
            store.outbox(new OrderEvent(
                    UUID.randomUUID(),
                    OrderEventType.ORDER_PLACED,
                    id,
                    checkoutId,
                    buyer,
                    e.getKey(),
                    channel,
                    total,
                    eligible,
                    false,
                    null,
                    null,
                    now));
            placed.add(new PlacedOrder(
                    id,
                    e.getKey(),
                    supplierNames.get(e.getKey()),
                    OrderStatus.PENDING_PAYMENT,
                    channel,
                    total,
                    eligible,
                    expiresAt,
                    e.getValue()));
        }
        stock.stockChanged(quantities.keySet());
        return new CheckoutResult(checkoutId, placed);
    }

    /** Every line or none: {@link OutOfStock} rolls back the reservations made before the short one. */
    private void reserve(TreeMap<Long, Integer> quantities) {
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
            throw new OutOfStock(
                    shortages.stream()
                            .map(s -> new Violation(
                                    "lines",
                                    "商品" + s.get("productId") + "库存不足：需要" + s.get("requested") + "，可售"
                                            + s.get("available")))
                            .toList(),
                    shortages);
        }
    }

    private static Map<String, Object> placedDetail(
            UUID checkoutId, long supplierId, Channel channel, long total, long eligible, List<OrderLineView> lines) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("checkoutId", checkoutId.toString());
        detail.put("supplierId", supplierId);
        detail.put("channel", channel.name());
        detail.put("totalFen", total);
        detail.put("eligibleFen", eligible);
        detail.put(
                "lines",
                lines.stream()
                        .map(l -> Map.of(
                                "productId",
                                l.productId(),
                                "quantity",
                                l.quantity(),
                                "unitPriceFen",
                                l.unitPriceFen(),
                                "eligible",
                                l.eligible()))
                        .toList());
        return detail;
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
}
