package cn.huinong.payments.internal;

import cn.huinong.files.Files;
import cn.huinong.ordering.OrderPaymentsView;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payments shown in {@code GET /orders/{id}} (without the card client secret): method, status, expiresAt, the
 * transfer slip and dates, each with its refunds (cause MANUAL / CANCELLATION / ORPHANED; {@code offline}: a
 * bank-transfer refund the supplier makes and confirms with {@code sentOn} / {@code bankReference}).
 */
@Singleton
class PaymentsOfOrder implements OrderPaymentsView {

    private final PaymentStore store;
    private final RefundStore refunds;
    private final Files files;

    PaymentsOfOrder(PaymentStore store, RefundStore refunds, Files files) {
        this.store = store;
        this.refunds = refunds;
        this.files = files;
    }

    @Override
    @Transactional
    public List<Map<String, Object>> payments(long orderId) {
        return store.ofOrder(orderId).stream()
                .map(p -> {
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
                    m.put("expiresAt", p.expiresAt().toString());
                    m.put(
                            "transferDate",
                            p.transferDate() == null ? null : p.transferDate().toString());
                    m.put(
                            "transferDateConfirmed",
                            p.transferDateConfirmed() == null
                                    ? null
                                    : p.transferDateConfirmed().toString());
                    m.put(
                            "remindedAt",
                            p.remindedAt() == null ? null : p.remindedAt().toString());
                    m.put(
                            "slip",
                            p.slipFileId() == null
                                    ? null
                                    : files.find(p.slipFileId())
                                            .map(f -> {
                                                Map<String, Object> slip = new LinkedHashMap<>();
                                                slip.put("fileId", f.id());
                                                slip.put("name", f.name());
                                                slip.put("contentType", f.contentType());
                                                slip.put("size", f.size());
                                                return slip;
                                            })
                                            .orElse(null));
                    m.put(
                            "refunds",
                            refunds.refundsOf(p.id()).stream()
                                    .map(r -> {
                                        Map<String, Object> refund = new LinkedHashMap<>();
                                        refund.put("refundId", r.id());
                                        refund.put("amountFen", r.amountFen());
                                        refund.put("status", r.status());
                                        refund.put("cause", r.cause());
                                        refund.put("offline", r.offline());
                                        refund.put("reason", r.reason());
                                        refund.put("failureMessage", r.failureMessage());
                                        refund.put("createdAt", r.createdAt().toString());
                                        refund.put(
                                                "sentOn",
                                                r.sentOn() == null
                                                        ? null
                                                        : r.sentOn().toString());
                                        refund.put("bankReference", r.bankReference());
                                        refund.put(
                                                "confirmedAt",
                                                r.confirmedAt() == null
                                                        ? null
                                                        : r.confirmedAt().toString());
                                        return refund;
                                    })
                                    .toList());
                    return m;
                })
                .toList();
    }
}
