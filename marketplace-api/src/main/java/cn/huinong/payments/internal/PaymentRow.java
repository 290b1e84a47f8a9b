package cn.huinong.payments.internal;

import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment attempt. {@code expiresAt}: until when it is awaited; {@code slipFileId} / {@code transferDate}: the
 * payer's transfer slip (回单) and the date on it; {@code transferDateConfirmed}: the date the supplier confirmed.
 */
record PaymentRow(
        long id,
        long orderId,
        PaymentMethod method,
        PaymentStatus status,
        long amountFen,
        String currency,
        String intentId,
        String clientSecret,
        String transferReference,
        String failureMessage,
        Instant paidAt,
        String createdBy,
        Instant createdAt,
        String payeeBankName,
        String payeeAccountName,
        String payeeAccountNumber,
        Instant expiresAt,
        Long slipFileId,
        LocalDate transferDate,
        LocalDate transferDateConfirmed,
        Instant remindedAt) {

    String idempotencyKey() {
        return "payment-" + id;
    }
}
