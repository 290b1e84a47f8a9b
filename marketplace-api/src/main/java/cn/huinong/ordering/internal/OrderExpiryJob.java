package cn.huinong.ordering.internal;

import cn.huinong.ordering.Orders;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cancels unpaid orders whose payment time ran out and puts their stock back, every minute by default. */
@Singleton
class OrderExpiryJob {

    private static final Logger LOG = LoggerFactory.getLogger(OrderExpiryJob.class);

    private final Orders orders;

    OrderExpiryJob(Orders orders) {
        this.orders = orders;
    }

    @Scheduled(fixedDelay = "${huinong.ordering.expiry-interval:1m}", initialDelay = "1m")
    void run() {
        int n = orders.expireUnpaid(Instant.now());
        if (n > 0) {
            LOG.info("cancelled {} unpaid orders past their payment time", n);
        }
    }
}
