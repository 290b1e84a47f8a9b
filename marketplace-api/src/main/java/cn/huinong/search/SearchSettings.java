package cn.huinong.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/** Where the search engine (Elasticsearch 8) answers, and how long we wait for it. */
@ConfigurationProperties("huinong.elasticsearch")
public record SearchSettings(@NotBlank String url, Duration timeout) {

    public Duration timeoutOrDefault() {
        return timeout == null ? Duration.ofSeconds(2) : timeout;
    }
}
