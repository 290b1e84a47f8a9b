package cn.huinong.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Which socket peers are our own reverse proxies (CIDR blocks or single addresses). Only a request whose
 * socket peer is one of them may tell the client's address in {@code Forwarded} / {@code X-Forwarded-For}.
 * Default: none, so the client address is always the socket's.
 */
@ConfigurationProperties("huinong.http")
record TrustedProxySettings(@Nullable List<String> trustedProxies) {

    TrustedProxySettings {
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        trustedProxies.forEach(Cidr::parse);
    }
}
