package cn.huinong.payments.internal;

import cn.huinong.ordering.OrderPaymentsView;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payments shown in {@code GET /orders/{id}} (without the card client secret), each with its refunds (cause
 * MANUAL / CANCELLATION / ORPHANED; {@code offline}: a bank-transfer refund the supplier makes).
 */
@Singleton
class PaymentsOfOrder implements OrderPaymentsView {

    private final PaymentStore store;

    PaymentsOfOrder(PaymentStore store) {
        this.store = store;
    }

    @Override
    public List<Map<String, Object>> payments(long orderId) {
        return store.ofOrder(orderId).stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("paymentId", p.id());
            m.put("method", p.method().name());
            m.put("status", p.status().name());
            m.put("statusLabel", p.status().label());
            m.put("amountFen", p.amountFen());
            m.put("transferReference", p.transferReference());
            m.put("failureMessage", p.failureMessage());
            m.put("paidAt", p.paidAt() == null ? null : p.paidAt().toString());
            m.put("createdAt", p.createdAt().toString());
            m.put("refunds", store.refundsOf(p.id()).stream().map(r -> {
                Map<String, Object> refund = new LinkedHashMap<>();
                refund.put("refundId", r.id());
                refund.put("amountFen", r.amountFen());
                refund.put("status", r.status());
                refund.put("cause", r.cause());
                refund.put("offline", r.offline());
                refund.put("reason", r.reason());
                refund.put("failureMessage", r.failureMessage());
                refund.put("createdAt", r.createdAt().toString());
                return refund;
            }).toList());
            return m;
        }).toList();
    }
}
