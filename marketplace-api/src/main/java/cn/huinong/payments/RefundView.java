package cn.huinong.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A refund and the order's refunded total after it. PENDING: the gateway's answer is not known yet. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundView(
        long refundId,
        long orderId,
        long paymentId,
        long amountFen,
        String reason,
        String status,
        @Nullable String failureMessage,
        long refundedFen,
        String orderStatus,
        Instant createdAt) {}
