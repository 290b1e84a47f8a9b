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

    /** Where to transfer the money (收款方) and the reference (附言) that identifies the payment. */
    @Serdeable
    public record Transfer(String payeeName, String accountNumber, String reference) {
    }
}
