package cn.huinong.payments.internal;

import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import java.time.Instant;

record PaymentRow(long id, long orderId, PaymentMethod method, PaymentStatus status, long amountFen, String currency,
                  String intentId, String clientSecret, String transferReference, String failureMessage,
                  Instant paidAt, String createdBy, Instant createdAt, String payeeBankName,
                  String payeeAccountName, String payeeAccountNumber) {

    String idempotencyKey() {
        return "payment-" + id;
    }
}
