package cn.huinong.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A payment as its buyer (and the order's supplier) sees it. {@code clientSecret} only for card payments whose
 * intent exists; {@code transfer} only for bank transfers.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(long paymentId, long orderId, PaymentMethod method, PaymentStatus status,
                          String statusLabel, long amountFen, String currency, @Nullable String clientSecret,
                          @Nullable Transfer transfer, @Nullable String failureMessage, @Nullable Instant paidAt,
                          Instant createdAt) {

    /**
     * Where to transfer the money: the supplier's corporate account (收款户名 payeeName, 开户行 bankName, 账号
     * accountNumber) as it was when the payment was created, the amount, and the reference (附言) that identifies the
     * payment and must go with the transfer.
     */
    @Serdeable
    public record Transfer(String payeeName, String bankName, String accountNumber, long amountFen, String reference) {
    }
}
