package cn.huinong.payments.internal;

import cn.huinong.files.Files;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.ordering.PayableOrder;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentView;
import cn.huinong.payments.RefundView;
import jakarta.inject.Singleton;

/**
 * The payments facade's answers: a payment as its buyer and supplier see it (the card's client secret only while it is
 * live, a transfer's instructions and slip), and a refund with its order's refunded total and status.
 */
@Singleton
class PaymentViews {

    private final PaymentSteps payments;
    private final OrderPayments orders;
    private final Files files;

    PaymentViews(PaymentSteps payments, OrderPayments orders, Files files) {
        this.payments = payments;
        this.orders = orders;
        this.files = files;
    }

    PaymentView payment(long id) {
        PaymentRow r = payments.find(id).orElseThrow(() -> PaymentService.notFound(id));
        PaymentView.Transfer transfer = null;
        if (r.method() == PaymentMethod.BANK_TRANSFER) {
            transfer = new PaymentView.Transfer(
                    r.payeeAccountName(),
                    r.payeeBankName(),
                    r.payeeAccountNumber(),
                    r.amountFen(),
                    r.transferReference());
        }
        PaymentView.Slip slip = r.slipFileId() == null
                ? null
                : files.find(r.slipFileId())
                        .map(f -> new PaymentView.Slip(f.id(), f.name(), f.contentType(), f.size()))
                        .orElse(null);
        return new PaymentView(
                r.id(),
                r.orderId(),
                r.method(),
                r.status(),
                r.status().label(),
                r.amountFen(),
                r.currency(),
                r.method() == PaymentMethod.CARD && r.status().live() ? r.clientSecret() : null,
                transfer,
                r.failureMessage(),
                r.paidAt(),
                r.createdAt(),
                r.expiresAt(),
                slip,
                r.transferDate(),
                r.transferDateConfirmed(),
                r.remindedAt());
    }

    RefundView refund(RefundRow r) {
        PayableOrder order = orders.find(r.orderId()).orElseThrow();
        return new RefundView(
                r.id(),
                r.orderId(),
                r.paymentId(),
                r.amountFen(),
                r.reason(),
                r.status(),
                r.failureMessage(),
                order.refundedFen(),
                order.status().name(),
                r.createdAt());
    }
}
