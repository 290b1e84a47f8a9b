package cn.huinong.shared.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

public class RateLimitedException extends DomainException {

    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(ProblemKind.RATE_LIMITED, detail, List.of(), Map.of("retryAfterSeconds", retryAfter.toSeconds()));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
