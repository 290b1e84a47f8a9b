package cn.huinong.payments.internal;

import cn.huinong.ordering.OrderPaymentsView;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The payments shown in {@code GET /orders/{id}} (without the card client secret). */
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
            return m;
        }).toList();
    }
}
