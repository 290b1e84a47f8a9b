package cn.huinong.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SystemClockTest {

    @Inject
    BeanContext beans;

    @Test
    void theApplicationHasExactlyOneClockInUtc() {
        assertEquals(1, beans.getBeansOfType(Clock.class).size());
        assertEquals(ZoneOffset.UTC, beans.getBean(Clock.class).getZone());
    }
}
