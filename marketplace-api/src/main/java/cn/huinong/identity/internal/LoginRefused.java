package cn.huinong.identity.internal;

import cn.huinong.shared.problem.RateLimitedException;
import java.time.Duration;

/** A login attempt refused before any password was checked: why (an audit reason code) and for how long. */
final class LoginRefused extends RateLimitedException {

    private final String reason;

    LoginRefused(String reason, String detail, Duration retryAfter) {
        super(detail, retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
