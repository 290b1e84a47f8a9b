package cn.huinong.identity.internal;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes what no rule reads any more: old throttle rows and attempts, expired sessions and challenges. */
@Singleton
class SignInHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(SignInHousekeeping.class);

    private final LoginThrottle throttle;
    private final SessionStore sessions;
    private final TotpService totp;

    SignInHousekeeping(LoginThrottle throttle, SessionStore sessions, TotpService totp) {
        this.throttle = throttle;
        this.sessions = sessions;
        this.totp = totp;
    }

    @Scheduled(fixedDelay = "${huinong.identity.housekeeping-interval:1h}", initialDelay = "10m")
    void run() {
        int removed = throttle.forgetOld() + sessions.forgetOld() + totp.forgetOldChallenges();
        if (removed > 0) {
            LOG.info("sign-in housekeeping removed {} old rows", removed);
        }
    }
}
