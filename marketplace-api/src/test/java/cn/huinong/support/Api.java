package cn.huinong.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.Map;

/** A small HTTP driver over the real server: returns every response (2xx or not) as status + JSON map. */
public final class Api {

    public record Response(int status, Map<String, Object> body, HttpHeaders headers, String contentType) {

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> violations() {
            Object v = body.get("violations");
            return v == null ? List.of() : (List<Map<String, Object>>) v;
        }

        public List<String> violatedFields() {
            return violations().stream().map(v -> (String) v.get("field")).toList();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) body.get("items");
        }

        public Object get(String key) {
            return body.get(key);
        }
    }

    private final HttpClient client;

    public Api(HttpClient client) {
        this.client = client;
    }

    public Response get(String path, String token) {
        return send(HttpRequest.GET(path), token);
    }

    public Response post(String path, Object body, String token) {
        return send(HttpRequest.POST(path, body), token);
    }

    public Response put(String path, Object body, String token) {
        return send(HttpRequest.PUT(path, body), token);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response send(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<Map> r = client.toBlocking().exchange(request, Argument.of(Map.class), Argument.of(Map.class));
            return new Response(
                    r.code(),
                    r.getBody().orElse(Map.of()),
                    r.getHeaders(),
                    r.getContentType().map(Object::toString).orElse(null));
        } catch (HttpClientResponseException e) {
            HttpResponse<?> r = e.getResponse();
            Map<String, Object> body = r.getBody(Map.class).orElse(Map.of());
            return new Response(
                    r.code(),
                    body,
                    r.getHeaders(),
                    r.getContentType().map(Object::toString).orElse(null));
        }
    }

    /** Logs in and returns the access token; fails the test when login does not succeed. */
    public String login(String username, String password) {
        Response r = post("/api/v1/auth/login", Map.of("username", username, "password", password), null);
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r.status() + " " + r.body());
        }
        return (String) r.get("accessToken");
    }
}
