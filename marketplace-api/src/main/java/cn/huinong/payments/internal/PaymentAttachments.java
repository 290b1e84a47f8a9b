package cn.huinong.payments.internal;

import cn.huinong.files.AttachmentAccess;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.NotFoundException;
import jakarta.inject.Singleton;

/** Files attached to a payment (its transfer slip) are seen by whoever sees the payment's order: buyer, supplier, operators. */
@Singleton
class PaymentAttachments implements AttachmentAccess {

    private final PaymentSteps tx;
    private final OrderPayments orders;

    PaymentAttachments(PaymentSteps tx, OrderPayments orders) {
        this.tx = tx;
        this.orders = orders;
    }

    @Override
    public String subjectType() {
        return "payment";
    }

    @Override
    public boolean canSee(long paymentId, Actor actor) {
        return tx.find(paymentId)
                .map(p -> {
                    try {
                        orders.visibleTo(p.orderId(), actor);
                        return true;
                    } catch (NotFoundException e) {
                        return false;
                    }
                })
                .orElse(false);
    }
}
