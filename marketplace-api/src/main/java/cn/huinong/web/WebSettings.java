package cn.huinong.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Positive;

/**
 * Limits of what a request may carry (ADR 11): {@code max-json-body} (JSON and form bodies, default 1MB);
 * multipart uploads are bounded by {@code micronaut.server.max-request-size} and
 * {@code micronaut.server.multipart.max-file-size}.
 */
@ConfigurationProperties("huinong.web")
record WebSettings(
        @Bindable(defaultValue = "1MB") @ReadableBytes @Positive
        long maxJsonBody) {

    /** "1MB", "512KB": the limit as people write it. */
    String maxJsonBodyText() {
        return maxJsonBody % (1024 * 1024) == 0
                ? maxJsonBody / (1024 * 1024) + "MB"
                : maxJsonBody % 1024 == 0 ? maxJsonBody / 1024 + "KB" : maxJsonBody + "字节";
    }
}
