package cn.huinong.ordering;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * An event of {@code order_event_outbox} (the row's {@code payload}), written in the transaction of the change.
 * {@code amountFen}/{@code eligibleFen} are the money the event is about (the order's totals; for a refund, the
 * refunded part); {@code paid} says whether money had been received (a cancelled paid order needs a refund).
 * Consumers deduplicate on {@code eventId}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderEvent(
        UUID eventId,
        OrderEventType type,
        long orderId,
        UUID checkoutId,
        long buyerOrganizationId,
        long supplierId,
        Channel channel,
        long amountFen,
        long eligibleFen,
        boolean paid,
        @Nullable Instant paidAt,
        @Nullable String paymentRef,
        Instant occurredAt) {}
