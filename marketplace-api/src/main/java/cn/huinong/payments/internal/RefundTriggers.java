package cn.huinong.payments.internal;

import cn.huinong.ordering.PaidOrderCancelled;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** A paid order was cancelled (its cancellation committed): refund it in full at once. The sweep backs this up. */
@Singleton
class RefundTriggers {

    private final Refunder refunder;

    RefundTriggers(Refunder refunder) {
        this.refunder = refunder;
    }

    @EventListener
    void on(PaidOrderCancelled event) {
        refunder.orderCancelled(event.orderId());
    }
}
