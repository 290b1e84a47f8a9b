package cn.huinong.payments.internal;

import cn.huinong.ordering.PaidOrderCancelled;
import cn.huinong.ordering.UnpaidOrderClosed;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What payments do when an order closes (its change committed): a paid order cancelled is refunded in full at
 * once; an unpaid one cancelled or expired has its live attempts closed. The scheduled sweep backs both up.
 */
@Singleton
class RefundTriggers {

    private static final Logger LOG = LoggerFactory.getLogger(RefundTriggers.class);

    private final Refunder refunder;
    private final CardIntents payments;

    RefundTriggers(Refunder refunder, CardIntents payments) {
        this.refunder = refunder;
        this.payments = payments;
    }

    @EventListener
    void on(PaidOrderCancelled event) {
        refunder.orderCancelled(event.orderId());
    }

    @EventListener
    void on(UnpaidOrderClosed event) {
        try {
            payments.orderClosed(event.orderId());
        } catch (RuntimeException e) {
            LOG.warn(
                    "order {}: closing its payment attempts failed, left to the reconciliation: {}",
                    event.orderId(),
                    e.toString());
        }
    }
}
