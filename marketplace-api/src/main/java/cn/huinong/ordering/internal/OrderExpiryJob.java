package cn.huinong.ordering.internal;

import cn.huinong.ordering.Orders;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cancels unpaid orders whose payment time ran out and puts their stock back, every minute by default. */
@Singleton
class OrderExpiryJob {

    private static final Logger LOG = LoggerFactory.getLogger(OrderExpiryJob.class);

    private final Orders orders;
    private final InstantSource clock;

    OrderExpiryJob(Orders orders, InstantSource clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${huinong.ordering.expiry-interval:1m}", initialDelay = "1m")
    void run() {
        int n = orders.expireUnpaid(clock.instant());
        if (n > 0) {
            LOG.info("cancelled {} unpaid orders past their payment time", n);
        }
    }
}
