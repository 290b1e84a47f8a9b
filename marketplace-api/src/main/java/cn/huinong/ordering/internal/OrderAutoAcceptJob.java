package cn.huinong.ordering.internal;

import cn.huinong.ordering.Orders;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts delivered orders the buyer left unaccepted for {@code huinong.ordering.auto-accept-after}, hourly by default. */
@Singleton
class OrderAutoAcceptJob {

    private static final Logger LOG = LoggerFactory.getLogger(OrderAutoAcceptJob.class);

    private final Orders orders;
    private final InstantSource clock;

    OrderAutoAcceptJob(Orders orders, InstantSource clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${huinong.ordering.auto-accept-interval:1h}", initialDelay = "2m")
    void run() {
        int n = orders.acceptDelivered(clock.instant());
        if (n > 0) {
            LOG.info("accepted {} delivered orders automatically", n);
        }
    }
}
