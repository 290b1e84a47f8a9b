package cn.huinong.catalog.internal;

import cn.huinong.catalog.Certifications;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lapses expired certifications every hour (and shortly after start); each run is one transaction. */
@Singleton
class CertificationLapseJob {

    private static final Logger LOG = LoggerFactory.getLogger(CertificationLapseJob.class);

    private final Certifications certifications;

    private final Clock clock;

    CertificationLapseJob(Certifications certifications, Clock clock) {
        this.clock = clock;
        this.certifications = certifications;
    }

    @Scheduled(fixedDelay = "${huinong.catalog.certification-lapse-interval:1h}", initialDelay = "1m")
    void run() {
        int n = certifications.lapseExpired(ProductAssembler.today(clock));
        if (n > 0) {
            LOG.info("lapsed {} expired certifications", n);
        }
    }
}
