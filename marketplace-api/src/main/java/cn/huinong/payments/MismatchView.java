package cn.huinong.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A gateway answer or webhook event about one of our payments (or refunds) that did not match what we asked for:
 * {@code reasons} (INTENT_ID, AMOUNT, AMOUNT_RECEIVED, CURRENCY, REFUND_ID) with their Chinese
 * {@code reasonLabels}, both sides ({@code expected}, {@code actual} as JSON text) and the raw event as received.
 * Nothing was settled by it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MismatchView(
        long id,
        @Nullable Long paymentId,
        @Nullable Long orderId,
        @Nullable Long refundId,
        @Nullable String eventId,
        @Nullable String eventType,
        @Nullable String gatewayObjectId,
        List<String> reasons,
        List<String> reasonLabels,
        String expected,
        String actual,
        String raw,
        Instant createdAt,
        @Nullable Instant resolvedAt,
        @Nullable String resolvedBy,
        @Nullable String resolution) {}
