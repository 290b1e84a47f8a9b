package cn.huinong.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A payment an operator should look at: money received for an order that could no longer be paid (ORPHANED), or
 * a payment with a failed refund, or one with gateway answers that did not match ({@code openMismatches}). {@code outstandingFen} is what is still owed back (0 once the automatic refund
 * went through); {@code lastRefundFailure} is the gateway's last refusal.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AttentionItem(
        long paymentId,
        long orderId,
        String orderStatus,
        PaymentMethod method,
        PaymentStatus status,
        String statusLabel,
        long amountFen,
        long refundedFen,
        long refundingFen,
        long outstandingFen,
        int failedRefunds,
        @Nullable String lastRefundFailure,
        @Nullable Instant paidAt,
        long openMismatches) {}
