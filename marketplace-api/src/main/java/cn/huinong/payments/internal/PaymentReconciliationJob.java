package cn.huinong.payments.internal;

import cn.huinong.payments.Payments;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Payments#reconcileAll} every {@code huinong.payments.reconcile-interval} (5 minutes by default), with
 * "now" from the application's {@link Clock}.
 */
@Singleton
class PaymentReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciliationJob.class);

    private final Payments payments;
    private final Clock clock;

    PaymentReconciliationJob(Payments payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelay = "${huinong.payments.reconcile-interval:5m}",
            initialDelay = "${huinong.payments.reconcile-initial-delay:3m}")
    void run() {
        int n = payments.reconcileAll(clock.instant());
        if (n > 0) {
            LOG.info("reconciliation looked at {} stuck card payments, refunds due and refunds pending", n);
        }
    }
}
