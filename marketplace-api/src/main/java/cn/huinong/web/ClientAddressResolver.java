package cn.huinong.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * THE place that decides a request's client address (audit trail, login throttle, anything else that asks
 * Micronaut's {@link HttpClientAddressResolver}). The socket peer's address, unless that peer is a
 * configured trusted proxy ({@code huinong.http.trusted-proxies}): then the proxies' headers are read from
 * the right, skipping trusted hops, and the first untrusted hop is the client. {@code Forwarded} (RFC 7239)
 * wins over {@code X-Forwarded-For} when both are present. Headers from any other peer are ignored.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public class ClientAddressResolver implements HttpClientAddressResolver {

    private final List<Cidr> trusted;

    ClientAddressResolver(TrustedProxySettings settings) {
        this.trusted = settings.trustedProxies().stream().map(Cidr::parse).toList();
    }

    @Override
    public String resolve(HttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null || remote.getAddress() == null ? null : Cidr.normalise(remote.getAddress());
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = forwardedHops(request.getHeaders());
        InetAddress nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = Cidr.literal(hops.get(i)).map(Cidr::normalise);
            if (hop.isEmpty()) {
                // "unknown", an obfuscated name or garbage: the last trusted hop is all we can vouch for
                return nearest.getHostAddress();
            }
            if (!isTrusted(hop.get())) {
                return hop.get().getHostAddress();
            }
            nearest = hop.get();
        }
        return nearest.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr c : trusted) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The client chain as the proxies appended it, leftmost first (ports and brackets stripped). */
    static List<String> forwardedHops(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = headers.getAll("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    String forValue = null;
                    for (String pair : element.split(";")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0
                                && pair.substring(0, eq)
                                        .strip()
                                        .toLowerCase(Locale.ROOT)
                                        .equals("for")) {
                            forValue = pair.substring(eq + 1).strip();
                        }
                    }
                    hops.add(forValue == null ? "unknown" : hostOf(unquote(forValue)));
                }
            }
            return hops;
        }
        for (String header : headers.getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                hops.add(hostOf(hop.strip()));
            }
        }
        return hops;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** "[2001:db8::1]:4711" -> "2001:db8::1", "192.0.2.60:80" -> "192.0.2.60", a bare IPv6 stays as it is. */
    private static String hostOf(String s) {
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            return close > 0 ? s.substring(1, close) : s;
        }
        int colon = s.indexOf(':');
        if (colon > 0 && colon == s.lastIndexOf(':')) {
            return s.substring(0, colon);
        }
        return s;
    }
}
