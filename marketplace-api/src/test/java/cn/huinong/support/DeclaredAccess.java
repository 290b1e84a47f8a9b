package cn.huinong.support;

import io.micronaut.http.HttpMethod;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each API route declares about who may call it (@Secured), read from the router, never listed by hand. */
public record DeclaredAccess(String method, String path, List<String> secured) {

    public static final List<String> ROLES = List.of("BUYER", "SUPPLIER", "REGULATOR", "OPERATOR");

    /** Every /api route, keyed "METHOD /path/{var}" (query variables dropped from the template). */
    public static Map<String, DeclaredAccess> of(Router router) {
        Map<String, DeclaredAccess> routes = new LinkedHashMap<>();
        router.uriRoutes().forEach(r -> {
            String path = template(r);
            if (!path.startsWith("/api/")
                    || r.getHttpMethod() == HttpMethod.HEAD
                    || r.getHttpMethod() == HttpMethod.OPTIONS) {
                return;
            }
            List<String> secured = Arrays.asList(r.getAnnotationMetadata().stringValues(Secured.class));
            routes.put(
                    r.getHttpMethod() + " " + path,
                    new DeclaredAccess(r.getHttpMethod().name(), path, secured));
        });
        return routes;
    }

    static String template(UriRouteInfo<?, ?> r) {
        String t = r.getUriMatchTemplate().toString();
        int q = t.indexOf("{?");
        return q >= 0 ? t.substring(0, q) : t;
    }

    public boolean anonymous() {
        return secured.contains(SecurityRule.IS_ANONYMOUS);
    }

    public boolean anyAuthenticated() {
        return secured.contains(SecurityRule.IS_AUTHENTICATED);
    }

    /** Whether a signed-in user of this role passes the route's declaration. */
    public boolean allows(String role) {
        return anonymous() || anyAuthenticated() || secured.contains(role);
    }

    /** The role a hostile test signs in with: the first the route names (BUYER for any signed-in user). */
    public String callerRole() {
        if (anonymous()) {
            return null;
        }
        return ROLES.stream().filter(secured::contains).findFirst().orElse("BUYER");
    }
}
