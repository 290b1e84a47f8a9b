package cn.huinong.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Map;

/** Sign-in steps as a client at a given address would take them (the tests' client plays a trusted proxy). */
public final class SignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SignIn() {}

    /**
     * A client address no other test (and no earlier run on the same database) uses: in the IPv6 documentation
     * block 2001:db8::/32, written as the server writes it.
     */
    public static String freshAddress() {
        String literal = String.format(
                "2001:db8:%x:%x:%x:%x:%x:%x",
                RANDOM.nextInt(0x10000),
                RANDOM.nextInt(0x10000),
                RANDOM.nextInt(0x10000),
                RANDOM.nextInt(0x10000),
                RANDOM.nextInt(0x10000),
                RANDOM.nextInt(0x10000));
        try {
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Api.Response login(Api api, String username, String password, String address) {
        return api.send(
                from(
                        HttpRequest.POST("/api/v1/auth/login", Map.of("username", username, "password", password)),
                        address),
                null);
    }

    public static Api.Response totp(Api api, String challenge, String code, String address) {
        return api.send(
                from(
                        HttpRequest.POST("/api/v1/auth/login/totp", Map.of("challenge", challenge, "code", code)),
                        address),
                null);
    }

    public static MutableHttpRequest<?> from(MutableHttpRequest<?> request, String address) {
        return request.header("X-Forwarded-For", address);
    }

    public static String token(Api.Response login) {
        if (login.status() != 200 || login.get("accessToken") == null) {
            throw new AssertionError("no token: " + login.status() + " " + login.body());
        }
        return (String) login.get("accessToken");
    }
}
