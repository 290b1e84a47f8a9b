package cn.huinong.payments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.payments.Payments;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduled pass asks the application's clock for "now", never the system's. */
class PaymentReconciliationJobTest {

    @Test
    void reconcilesAsOfTheClocksNow() {
        Instant now = Instant.parse("2026-12-31T15:59:59Z");
        List<Instant> asked = new ArrayList<>();
        Payments payments = (Payments) Proxy.newProxyInstance(
                Payments.class.getClassLoader(), new Class<?>[] {Payments.class}, (proxy, method, args) -> {
                    if (method.getName().equals("reconcileAll")) {
                        asked.add((Instant) args[0]);
                        return 0;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        new PaymentReconciliationJob(payments, Clock.fixed(now, ZoneOffset.UTC)).run();

        assertEquals(List.of(now), asked);
    }
}
