package cn.huinong.ordering.internal;

import cn.huinong.ordering.Channel;
import cn.huinong.ordering.InvoiceNotAllowed;
import cn.huinong.ordering.OrderEvent;
import cn.huinong.ordering.OrderEventType;
import cn.huinong.ordering.OrderLifecycle;
import cn.huinong.ordering.OrderLifecycle.Move;
import cn.huinong.ordering.OrderMoveNotAllowed;
import cn.huinong.ordering.OrderNotPayable;
import cn.huinong.ordering.OrderNotRefundable;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.RefundExceedsTotal;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The order aggregate: what its rules need to know, and its transitions. Each checks the state against
 * {@link OrderLifecycle} (409 otherwise) and returns the {@link OrderChange} to store, with its history, audit and
 * outbox event; nothing here touches the database. "Now" is always given by the caller (its clock).
 */
record Order(
        long id,
        UUID checkoutId,
        long buyerOrganizationId,
        long supplierId,
        Channel channel,
        OrderStatus status,
        long totalFen,
        long eligibleFen,
        long refundedFen,
        Instant expiresAt,
        @Nullable Instant paidAt,
        @Nullable String paymentRef,
        @Nullable Instant deliveredAt,
        boolean invoiceRequested,
        boolean invoiceIssued,
        Instant createdAt) {

    /** Whether money had been received (a cancelled order that was paid must give it back). */
    boolean paid() {
        return paidAt != null;
    }

    boolean allows(Move move) {
        return OrderLifecycle.after(status, paid(), move).isPresent();
    }

    /** PENDING_PAYMENT -> PAID: ORDER_PAID to the outbox. */
    OrderChange markPaid(String ref, Instant at, Instant now) {
        OrderStatus to = OrderLifecycle.after(status, paid(), Move.PAY).orElseThrow(() -> new OrderNotPayable(status));
        return move(
                to,
                "ORDER_PAID",
                new OrderChange.Paid(at, ref),
                Map.of("paymentRef", ref),
                event(OrderEventType.ORDER_PAID, true, at, ref, now),
                false);
    }

    /** PAID -> SHIPPED. */
    OrderChange ship(String carrier, String trackingNumber, Instant now) {
        OrderStatus to = target(Move.SHIP, "发货");
        return move(
                to,
                "ORDER_SHIPPED",
                new OrderChange.Shipped(carrier, trackingNumber, now),
                Map.of("carrier", carrier, "trackingNumber", trackingNumber),
                null,
                false);
    }

    /** SHIPPED -> DELIVERED. */
    OrderChange deliver(Instant now) {
        OrderStatus to = target(Move.DELIVER, "确认送达");
        return move(to, "ORDER_DELIVERED", new OrderChange.Delivered(now), Map.of(), null, false);
    }

    /** DELIVERED -> ACCEPTED by the buyer: ORDER_ACCEPTED to the outbox. */
    OrderChange accept(@Nullable Integer rating, @Nullable String comment, Instant now) {
        OrderStatus to = target(Move.ACCEPT, "验收");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rating", rating);
        detail.put("comment", comment);
        return move(
                to,
                "ORDER_ACCEPTED",
                new OrderChange.Accepted(now, rating, comment),
                detail,
                event(OrderEventType.ORDER_ACCEPTED, true, paidAt, paymentRef, now),
                false);
    }

    /**
     * DELIVERED -> ACCEPTED by the system, when delivered at or before {@code deliveredBy}; empty when the order is
     * no longer (or not yet) due, e.g. the buyer accepted it meanwhile.
     */
    Optional<OrderChange> autoAccept(Instant deliveredBy, Instant now) {
        if (!allows(Move.AUTO_ACCEPT) || deliveredAt == null || deliveredAt.isAfter(deliveredBy)) {
            return Optional.empty();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("deliveredAt", deliveredAt.toString());
        detail.put("reason", "送达后买方未在期限内验收，系统自动验收");
        return Optional.of(move(
                OrderStatus.ACCEPTED,
                "AUTO_ACCEPTED",
                new OrderChange.Accepted(now, null, null),
                detail,
                event(OrderEventType.ORDER_ACCEPTED, true, paidAt, paymentRef, now),
                false));
    }

    /** PENDING_PAYMENT or PAID -> CANCELLED by the buyer; the stock goes back, ORDER_CANCELLED to the outbox. */
    OrderChange cancel(String reason, Instant now) {
        target(Move.CANCEL, "取消（已发货的订单不能取消）");
        return cancelled("ORDER_CANCELLED", OrderEventType.ORDER_CANCELLED, reason, now);
    }

    /** An unpaid order whose payment time ran out by {@code now} is cancelled; empty when it is not (any more). */
    Optional<OrderChange> expire(Instant now) {
        if (!allows(Move.EXPIRE) || expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(cancelled("ORDER_EXPIRED", OrderEventType.ORDER_EXPIRED, "超时未支付，系统自动取消", now));
    }

    private OrderChange cancelled(String action, OrderEventType type, String reason, Instant now) {
        return move(
                OrderStatus.CANCELLED,
                action,
                new OrderChange.Cancelled(now, reason),
                Map.of("reason", reason),
                event(type, paid(), paidAt, paymentRef, now),
                true);
    }

    /**
     * Money given back: adds to refundedFen; all of the total refunded makes the order REFUNDED, except a CANCELLED
     * order, which stays CANCELLED (ADR 7). ORDER_REFUNDED carries the refunded amount and its eligible part (rounded
     * down, so that the parts add up to eligibleFen when all is refunded). 409 unless paid; 422 beyond the total.
     */
    OrderChange refund(long amountFen, String refundRef, Instant now) {
        if (!allows(Move.REFUND_IN_PART)) {
            throw new OrderNotRefundable(status);
        }
        long refunded = Math.addExact(refundedFen, amountFen);
        if (amountFen <= 0 || refunded > totalFen) {
            throw new RefundExceedsTotal();
        }
        long eligible = eligibleShare(refunded) - eligibleShare(refundedFen);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("refundRef", refundRef);
        detail.put("amountFen", amountFen);
        detail.put("eligibleFen", eligible);
        detail.put("refundedFen", refunded);
        OrderEvent event = new OrderEvent(
                UUID.randomUUID(),
                OrderEventType.ORDER_REFUNDED,
                id,
                checkoutId,
                buyerOrganizationId,
                supplierId,
                channel,
                amountFen,
                eligible,
                true,
                paidAt,
                refundRef,
                now);
        Move move = refunded == totalFen ? Move.REFUND_IN_FULL : Move.REFUND_IN_PART;
        OrderStatus to = OrderLifecycle.after(status, paid(), move).orElseThrow();
        if (to != status) {
            return move(to, "ORDER_REFUNDED", new OrderChange.Refunded(refunded), detail, event, false);
        }
        String action = status == OrderStatus.CANCELLED ? "ORDER_REFUNDED" : "ORDER_PARTIALLY_REFUNDED";
        return new OrderChange(
                id, status, status, action, new OrderChange.Refunded(refunded), detail, detail, event, false);
    }

    private long eligibleShare(long refunded) {
        return refunded == totalFen ? eligibleFen : Math.multiplyExact(eligibleFen, refunded) / Math.max(1, totalFen);
    }

    /** The buyer's invoice details (抬头, 税号): not for cancelled or refunded orders, nor once the invoice is issued. */
    OrderChange requestInvoice(String title, String taxNumber, Instant now) {
        if (status == OrderStatus.CANCELLED || status == OrderStatus.REFUNDED) {
            throw new InvoiceNotAllowed("订单" + status.label() + "，不能申请发票");
        }
        if (invoiceIssued) {
            throw new InvoiceNotAllowed("发票已开具，不能修改开票信息");
        }
        return new OrderChange(
                id,
                status,
                status,
                "ORDER_INVOICE_REQUESTED",
                new OrderChange.InvoiceRequested(title, taxNumber, now),
                Map.of(),
                Map.of("title", title, "taxNumber", taxNumber),
                null,
                false);
    }

    /** The supplier records the issued invoice: needs the buyer's request and a paid order (not cancelled/refunded). */
    OrderChange recordInvoice(String number, LocalDate issuedOn) {
        if (!invoiceRequested) {
            throw new InvoiceNotAllowed("买方尚未提交开票信息");
        }
        if (!invoiceable()) {
            throw new OrderMoveNotAllowed(status, "登记发票（需已支付）");
        }
        return new OrderChange(
                id,
                status,
                status,
                "ORDER_INVOICE_ISSUED",
                new OrderChange.InvoiceIssued(number, issuedOn),
                Map.of(),
                Map.of("invoiceNumber", number, "issuedOn", issuedOn.toString()),
                null,
                false);
    }

    private boolean invoiceable() {
        return status == OrderStatus.PAID
                || status == OrderStatus.SHIPPED
                || status == OrderStatus.DELIVERED
                || status == OrderStatus.ACCEPTED;
    }

    /**
     * An event about a payment of this paid order (e.g. PAYMENT_SUCCEEDED): {@code amountFen} is the money moved, the
     * eligible part its share of eligibleFen.
     */
    OrderEvent paymentEvent(OrderEventType type, long amountFen, Instant at, String ref, Instant now) {
        long eligible = amountFen == totalFen
                ? eligibleFen
                : Math.multiplyExact(eligibleFen, amountFen) / Math.max(1, totalFen);
        return new OrderEvent(
                UUID.randomUUID(),
                type,
                id,
                checkoutId,
                buyerOrganizationId,
                supplierId,
                channel,
                amountFen,
                eligible,
                true,
                at,
                ref,
                now);
    }

    private OrderStatus target(Move move, String what) {
        return OrderLifecycle.after(status, paid(), move).orElseThrow(() -> new OrderMoveNotAllowed(status, what));
    }

    private OrderChange move(
            OrderStatus to,
            String action,
            OrderChange.Facts facts,
            Map<String, ?> detail,
            @Nullable OrderEvent event,
            boolean releasesStock) {
        Map<String, Object> audited = new LinkedHashMap<>(detail);
        audited.put("from", status.name());
        audited.put("to", to.name());
        return new OrderChange(id, status, to, action, facts, detail, audited, event, releasesStock);
    }

    private OrderEvent event(
            OrderEventType type, boolean paid, @Nullable Instant at, @Nullable String ref, Instant now) {
        return new OrderEvent(
                UUID.randomUUID(),
                type,
                id,
                checkoutId,
                buyerOrganizationId,
                supplierId,
                channel,
                totalFen,
                eligibleFen,
                paid,
                at,
                ref,
                now);
    }
}
