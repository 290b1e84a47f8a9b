package cn.huinong.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment as its buyer (and the order's supplier) sees it. {@code clientSecret} only for live card payments whose
 * intent exists; {@code transfer} only for bank transfers. {@code expiresAt}: until when the attempt is awaited (a
 * card 30 minutes, a bank transfer days); {@code slip} and {@code transferDate}: the payer's transfer slip (回单) and
 * the date on it; {@code transferDateConfirmed}: the date the supplier confirmed (the reserved share counts the
 * transfer in that year); {@code remindedAt}: when the buyer was reminded that the window closes.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(
        long paymentId,
        long orderId,
        PaymentMethod method,
        PaymentStatus status,
        String statusLabel,
        long amountFen,
        String currency,
        @Nullable String clientSecret,
        @Nullable Transfer transfer,
        @Nullable String failureMessage,
        @Nullable Instant paidAt,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Slip slip,
        @Nullable LocalDate transferDate,
        @Nullable LocalDate transferDateConfirmed,
        @Nullable Instant remindedAt) {

    /**
     * Where to transfer the money: the supplier's corporate account (收款户名 payeeName, 开户行 bankName, 账号
     * accountNumber) as it was when the payment was created, the amount, and the reference (附言) that identifies the
     * payment and must go with the transfer.
     */
    @Serdeable
    public record Transfer(String payeeName, String bankName, String accountNumber, long amountFen, String reference) {}

    /** The uploaded transfer slip: download it at {@code GET /files/{fileId}}. */
    @Serdeable
    public record Slip(long fileId, String name, String contentType, long size) {}
}
