package cn.huinong.ordering.internal;

import cn.huinong.ordering.OrderEvent;
import cn.huinong.ordering.OrderStatus;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What one transition of an {@link Order} did: from and to (equal for a change that is not a move), the action its
 * history row and audit entry are named after, the facts to store, what the history and the audit entry say, the
 * event for {@code order_event_outbox} (if any) and whether the reserved stock goes back.
 */
record OrderChange(
        long orderId,
        OrderStatus from,
        OrderStatus to,
        String action,
        Facts facts,
        Map<String, ?> history,
        Map<String, ?> audited,
        @Nullable OrderEvent event,
        boolean releasesStock) {

    /** The columns a change sets besides the status, one record per kind of change. */
    sealed interface Facts {}

    record Paid(Instant paidAt, String paymentRef) implements Facts {}

    record Shipped(String carrier, String trackingNumber, Instant shippedAt) implements Facts {}

    record Delivered(Instant deliveredAt) implements Facts {}

    record Accepted(
            Instant acceptedAt,
            @Nullable Integer rating,
            @Nullable String comment) implements Facts {}

    record Cancelled(Instant cancelledAt, String reason) implements Facts {}

    record Refunded(long refundedFen) implements Facts {}

    record InvoiceRequested(String title, String taxNumber, Instant requestedAt) implements Facts {}

    record InvoiceIssued(String number, LocalDate issuedOn) implements Facts {}
}
