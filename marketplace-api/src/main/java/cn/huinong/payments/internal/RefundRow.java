package cn.huinong.payments.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A refund: {@code cause} MANUAL, CANCELLATION or ORPHANED; {@code offline} for a bank transfer's (the supplier sends it
 * and confirms with {@code sentOn} / {@code bankReference}).
 */
record RefundRow(
        long id,
        long orderId,
        long paymentId,
        long amountFen,
        String reason,
        String status,
        String failureMessage,
        String cause,
        boolean offline,
        String gatewayRefundId,
        String gatewayStatus,
        Instant createdAt,
        LocalDate sentOn,
        String bankReference,
        String confirmedBy,
        Instant confirmedAt) {

    boolean pending() {
        return "PENDING".equals(status);
    }
}
